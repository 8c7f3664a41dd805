// What happens in the real window between an agent's action and the frame that shows it: a
// timeline per sample of the desk's answers (each IPC call's command, when it was asked and
// answered), the stretches the page's main thread was busy (a heartbeat that should tick
// every few ms), when the DOM had the answer and when the frame came. For finding where an
// action's time goes in WebKit itself, where no profiler is reachable; profile-ui.mjs says
// which code is costly.
//   scripts/bench-window.sh probe-window
import { openBenchWindow, sample } from "./bench-window.mjs";
import { OPEN_RISK, OPEN_TICKET } from "./window-actions.mjs";

const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 8);

const { browser, close } = await openBenchWindow();
try {
  await browser.execute(() => {
    const log = (window.__probe = []);
    const fetch = window.fetch.bind(window);
    window.fetch = async (url, init) => {
      const target = String(url);
      if (!target.startsWith("ipc:")) return fetch(url, init);
      const cmd = decodeURIComponent(new URL(target).pathname.slice(1));
      const asked = performance.now();
      const response = await fetch(url, init);
      log.push({ ipc: cmd, asked, answered: performance.now() });
      return response;
    };
    // The heartbeat: a message to itself, again and again; a gap is the thread busy.
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      if (now - last > 4) log.push({ busy: last, until: now });
      last = now;
      setTimeout(() => channel.port2.postMessage(0), 0);
    };
    channel.port2.postMessage(0);
  });
  const report = {};
  for (const [label, script] of [["open a ticket", OPEN_TICKET], ["open the risk tab", OPEN_RISK]]) {
    report[label] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await browser.execute(() => (window.__probe.length = 0));
      const timing = await sample(browser, script, 1);
      await new Promise((r) => setTimeout(r, 300)); // what lands after the frame, too
      const events = await browser.execute(() => window.__probe.slice());
      // In ms from the timed action (earlier events are negative: the risk sample first
      // opens another ticket, untimed).
      const t0 = await browser.execute(() => window.__benchT0);
      report[label].push({
        frame_ms: timing.p50,
        dom_ms: timing.dom?.p50,
        events: events.map((e) =>
          e.ipc
            ? `ipc ${e.ipc} ${(e.asked - t0).toFixed(0)}→${(e.answered - t0).toFixed(0)}`
            : `busy ${(e.busy - t0).toFixed(0)}→${(e.until - t0).toFixed(0)} (${(e.until - e.busy).toFixed(0)} ms)`,
        ),
      });
    }
  }
  console.log(JSON.stringify(report, null, 2));
} finally {
  await close();
}
