// Signed updates of the installed .deb (update-flow.mjs): A is the package scripts/lib.sh
// installed with apt-get; B is installed the way Tauri's updater installs a .deb (pkexec,
// else sudo dpkg -i) and dpkg then says which version is installed.
import { execFileSync } from "node:child_process";
import { APP } from "../e2e/harness.mjs";
import { updateTests } from "./update-flow.mjs";

updateTests({
  suffix: "deb",
  platform: "linux-x86_64-deb",
  fileName: (version) => `Arbiter_${version}_amd64.deb`,
  application: () => APP,
  installed: () => execFileSync("dpkg-query", ["-W", "-f", "${Version}", "arbiter"], { encoding: "utf8" }),
});
