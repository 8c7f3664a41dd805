// Cold start (figures for docs/PERFORMANCE.md): the app launched with a session and a synced
// local copy already there, timed from the launch to the first frame with the inbox's tickets
// in it (the UI marks it: "arbiter:inbox-drawn"). Launching goes through tauri-driver and
// WebKitWebDriver, which start the app; their own start-up (≈ tens of ms) is inside the figure.
// Not a test: a benchmark. For the installed package:
//   ARBITER_APP=/usr/bin/arbiter scripts/bench-window.sh cold-start
import { freshProfile, launchApp, signIn, startServer } from "../e2e/harness.mjs";
import { percentiles } from "./bench-window.mjs";

const LAUNCHES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 10);
const server = await startServer();
const profile = freshProfile();
try {
  // Signed in once; the session and the local copy stay in the profile.
  {
    const app = await launchApp(profile);
    await signIn(app, server);
    await (await app.browser.$('[data-testid="ticket-row"]')).waitForExist({ timeout: 60_000 });
    await app.browser.waitUntil(async () => (await (await app.browser.$('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
      timeout: 60_000,
    });
    await app.close();
  }
  const drawn = [];
  for (let i = 0; i < LAUNCHES; i++) {
    const launched = performance.timeOrigin + performance.now();
    const app = await launchApp(profile);
    try {
      await (await app.browser.$('[data-testid="ticket-row"]')).waitForExist({ timeout: 60_000 });
      const at = await app.browser.waitUntil(
        () =>
          app.browser.execute((name) => {
            const mark = performance.getEntriesByName(name)[0];
            return mark ? performance.timeOrigin + mark.startTime : false;
          }, "arbiter:inbox-drawn"),
        { timeout: 10_000, timeoutMsg: "the inbox-drawn mark was never set" },
      );
      drawn.push(Math.round(at - launched));
    } finally {
      await app.close();
    }
  }
  console.log(
    JSON.stringify(
      { app: process.env.ARBITER_APP ?? "debug build", launches: LAUNCHES, "launch → inbox drawn from the local copy (ms)": { ...percentiles(drawn), runs: drawn } },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
