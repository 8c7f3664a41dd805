// Signed updates of the AppImage (update-flow.mjs): A is copied where a user keeps it
// (~/Applications here, under the test's temporary folder) and started from there; the
// updater replaces that very file with B and restarts it. Which version is installed is
// which release's bytes the file holds.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CURRENT, NEXT, RELEASES, skip, updateTests } from "./update-flow.mjs";

const digest = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
const versions = skip
  ? {}
  : { [digest(join(RELEASES, "current.AppImage"))]: CURRENT, [digest(join(RELEASES, "next.AppImage"))]: NEXT };
let appImage;

updateTests({
  suffix: "AppImage",
  platform: "linux-x86_64-appimage",
  fileName: (version) => `Arbiter_${version}_amd64.AppImage`,
  setUp: () => {
    const applications = join(mkdtempSync(join(tmpdir(), "arbiter-home-")), "Applications");
    mkdirSync(applications);
    appImage = join(applications, "Arbiter.AppImage");
    copyFileSync(join(RELEASES, "current.AppImage"), appImage);
  },
  application: () => appImage,
  installed: () => versions[digest(appImage)] ?? "neither A nor B",
});
