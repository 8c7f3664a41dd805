// The window's memory before any work (figures for docs/PERFORMANCE.md): resident size of the
// app and its WebKit processes with the inbox shown, on the small demo data and on the
// bench's 114,000-ticket cache, so what the platform costs (WebKitGTK, here under Xvfb with
// software rendering) is told apart from what the data costs. Not a test: a benchmark.
//   scripts/bench-window.sh window-memory
// The app draws without compositing where there is no GPU render node (Xvfb here);
// WEBKIT_DISABLE_COMPOSITING_MODE=0 in the environment compares with compositing.
import { freshProfile, launchApp, signIn, startServer } from "../e2e/harness.mjs";
import { openBenchWindow, windowMemory } from "./bench-window.mjs";

const settle = () => new Promise((resolve) => setTimeout(resolve, 8_000));
const results = {};
{
  const server = await startServer();
  const app = await launchApp(freshProfile());
  try {
    await signIn(app, server);
    await settle();
    results["demo data (300 tickets), inbox shown (MB: RSS total, PSS, private, RSS per process)"] = windowMemory();
  } finally {
    await app.close();
    await server.stop();
  }
}
{
  const { close } = await openBenchWindow();
  try {
    await settle();
    results["bench cache (114,000 tickets), All tickets shown (MB: RSS total, PSS, private, RSS per process)"] = windowMemory();
  } finally {
    await close();
  }
}
console.log(JSON.stringify({ app: process.env.ARBITER_APP ?? "debug", compositing: process.env.WEBKIT_DISABLE_COMPOSITING_MODE ?? "the app's choice (off without a GPU render node)", results }, null, 2));
