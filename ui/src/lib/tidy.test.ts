// The UI's shape, checked: components stay small enough to read in one sitting, and every
// idempotency key comes from ActionKeys (or newClientKey for a reply's own attempt), never an
// ad hoc UUID that a retry would change.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const MAX_COMPONENT_LINES = 400;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const sources = files(ROOT).filter((f) => /\.(svelte|ts)$/.test(f) && !/\.test\.ts$/.test(f));

describe("UI tidiness", () => {
  it(`keeps every component under ${MAX_COMPONENT_LINES} lines`, () => {
    const long = sources
      .filter((f) => f.endsWith(".svelte"))
      .map((f) => [relative(ROOT, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > MAX_COMPONENT_LINES);
    expect(long).toEqual([]);
  });

  it("makes idempotency keys in one place", () => {
    const adHoc = sources.filter((f) => !f.endsWith("format.ts") && readFileSync(f, "utf8").includes("randomUUID"));
    expect(adHoc.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
