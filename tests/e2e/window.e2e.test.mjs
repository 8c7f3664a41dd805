// The window comes back where the agent left it: size and position are saved once a move or
// resize settles (so even a killed app keeps them) and restored on the next start.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { eventually, freshProfile, launchApp, signIn, startServer } from "./harness.mjs";

let server;
const profile = freshProfile();

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test("the window's size and position are restored on the next start", async () => {
  const stateFile = join(profile.config, "dev.arbiter.desk", ".window-state.json");
  const wanted = { x: 40, y: 30, width: 1100, height: 700 };
  let app = await launchApp(profile);
  try {
    await signIn(app, server);
    await app.browser.setWindowRect(wanted.x, wanted.y, wanted.width, wanted.height);
    // Saved a moment after the window settles, before any exit.
    const saved = await eventually(() => {
      if (!existsSync(stateFile)) return null;
      const main = JSON.parse(readFileSync(stateFile, "utf8")).main;
      return main?.width === wanted.width && main?.height === wanted.height ? main : null;
    }, "the window's new size was saved");
    assert.equal(saved.x, wanted.x);
    assert.equal(saved.y, wanted.y);
  } finally {
    // Killed, as a crash would: nothing is saved at exit.
    await app.close();
  }

  app = await launchApp(profile);
  try {
    const rect = await app.browser.getWindowRect();
    assert.deepEqual({ width: rect.width, height: rect.height }, { width: wanted.width, height: wanted.height }, "the size came back");
    assert.deepEqual({ x: rect.x, y: rect.y }, { x: wanted.x, y: wanted.y }, "the position came back");
  } finally {
    await app.close();
  }
});
