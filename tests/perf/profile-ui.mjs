// Where the window's time goes once the desk has answered: the real window's IPC is recorded
// on the bench's big cache, then the same UI (production build) is replayed from that
// recording in Chromium, whose profiler says which functions take the time and how much is
// style, layout and paint. The answers come back at once, so what is measured is the UI alone.
//   scripts/bench-window.sh profile-ui            record (real window), then profile (Chromium)
//   node tests/perf/profile-ui.mjs profile        profile again from the last recording
// Chromium's engine is not WebKit's: its figures are for finding the costly parts, the
// window's own figures come from window-speed.mjs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { homedir, tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { build } from "vite";
import { CHROMIUM } from "../browser/harness.mjs";
import { openBenchWindow, sample } from "./bench-window.mjs";
import { OPEN_RISK, OPEN_TICKET } from "./window-actions.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const BENCH_DIR = process.env.ARBITER_BENCH_DIR ?? join(homedir(), ".cache/arbiter-bench");
const RECORDING = join(BENCH_DIR, "ui-recording.json");
const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 30);
// What the UI asks for when it starts, with no arguments: recorded by asking, since the
// recorder is installed after the window started.
const STARTUP = ["session", "sync_status", "view_counts", "saved_views", "chat_unread", "chat_offers", "outbox",
  "agents", "routing_policy", "email_queues", "internal_teams", "storage", "approvals", "dispute_alerts", "handovers"];

async function record() {
  const { browser, close } = await openBenchWindow();
  try {
    await browser.executeAsync((startup, done) => {
      // Tauri's invoke cannot be replaced (a read-only property); its transport, a fetch of
      // ipc://localhost/<command>, can.
      const fetch = window.fetch.bind(window);
      window.__recorded = [];
      window.fetch = async (url, init) => {
        const response = await fetch(url, init);
        const target = String(url);
        if (target.startsWith("ipc:") && response.headers.get("Tauri-Response") === "ok" &&
            (response.headers.get("content-type") ?? "").startsWith("application/json")) {
          const cmd = decodeURIComponent(new URL(target).pathname.slice(1));
          const args = typeof init?.body === "string" && init.body ? JSON.parse(init.body) : {};
          if (!cmd.startsWith("plugin:")) window.__recorded.push({ cmd, args, result: await response.clone().json() });
        }
        return response;
      };
      const invoke = window.__TAURI_INTERNALS__.invoke;
      Promise.allSettled(startup.map((cmd) => invoke(cmd, {}))).then(() => done());
    }, STARTUP);
    // The lists as the UI asks for them.
    await browser.execute(() => document.querySelector('[data-testid="view-mine"]').click());
    await new Promise((r) => setTimeout(r, 1_000));
    await browser.execute(() => document.querySelector('[data-testid="view-all"]').click());
    await (await browser.$('[data-testid="ticket-row"]')).waitForExist({ timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    await sample(browser, OPEN_TICKET, SAMPLES);
    await sample(browser, OPEN_RISK, SAMPLES);
    await new Promise((r) => setTimeout(r, 2_000)); // the last answers (risk, email bodies)
    const recorded = await browser.execute(() => JSON.stringify(window.__recorded));
    writeFileSync(RECORDING, recorded);
    console.error(`recorded ${JSON.parse(recorded).length} calls (${(recorded.length / 1e6).toFixed(1)} MB) in ${RECORDING}`);
  } finally {
    await close();
  }
}

/**
 * The recording as the replay serves it: the lists hold only tickets whose opening was
 * recorded (the window's list moved while it was recorded, so the replay's rows would
 * otherwise point at tickets it has no answer for), newest first as recorded.
 */
function replayable(calls) {
  const opened = new Set(calls.filter((c) => c.cmd === "ticket").map((c) => c.args.id));
  const rows = new Map();
  for (const call of calls) {
    if (call.cmd === "list_tickets") for (const row of call.result) if (opened.has(row.id)) rows.set(row.id, row);
  }
  const list = [...rows.values()].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  return calls.map((c) => (c.cmd === "list_tickets" && c.args.view.builtin === "all" ? { ...c, result: list } : c));
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2" };

/** The replay page built for production (the Svelte the app ships) and served on loopback. */
async function serveReplay() {
  const out = mkdtempSync(join(tmpdir(), "arbiter-replay-"));
  await build({
    root: join(ROOT, "ui"),
    configFile: join(ROOT, "ui/vite.config.ts"),
    logLevel: "warn",
    build: { outDir: out, emptyOutDir: true, minify: false, target: "esnext", rollupOptions: { input: join(ROOT, "ui/replay.html") } },
  });
  const recording = JSON.stringify(replayable(JSON.parse(readFileSync(RECORDING, "utf8"))));
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/__recording.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(recording);
      return;
    }
    const file = join(out, path === "/" ? "replay.html" : path);
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const files = new Map();
  return {
    url: `http://127.0.0.1:${server.address().port}/replay.html`,
    /** 50 characters of the served source from (line, column), zero-based. */
    source: (url, line, column) => {
      const path = join(out, new URL(url).pathname);
      if (!files.has(path)) files.set(path, existsSync(path) ? readFileSync(path, "utf8").split("\n") : []);
      return (files.get(path)[line] ?? "").slice(column, column + 50).replace(/\s+/g, " ");
    },
    close: () => {
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** Self and total time per function (ms) from a CPU profile, the heaviest first. */
function heaviest(profile, source, top = 25) {
  const component = (key) => /^[A-Z][A-Za-z]+ /.test(key);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split("/").pop() : "";
    // An anonymous function is named by the start of its source.
    const what = f.functionName || (source && f.url ? `(anonymous: ${source(f.url, f.lineNumber, f.columnNumber)})` : "(anonymous)");
    return `${what} ${file}${file ? `:${f.lineNumber + 1}` : ""}`;
  };
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    self.set(name(node), (self.get(name(node)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  const rank = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
  // Svelte components compile to functions named after them: their total time is the cost of
  // building each part of the screen.
  return { self: rank(self), total: rank(total), components: rank(new Map([...total].filter(([k]) => component(k)))) };
}

async function profile() {
  if (!existsSync(RECORDING)) throw new Error(`${RECORDING} is missing: run "scripts/bench-window.sh profile-ui" first`);
  const replay = await serveReplay();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--lang=en-US"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    page.on("pageerror", (e) => warnings.push(String(e)));
    await page.goto(replay.url);
    await page.click('[data-testid="view-all"]');
    await page.waitForSelector('[data-testid="ticket-row"]');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    // WebDriver's executeAsync, in Playwright's terms, for the shared in-page actions.
    const driver = { execute: (fn, ...a) => page.evaluate(fn, ...a), executeAsync: (fn, ...a) => page.evaluate(
      ([source, args]) => new Promise((done) => new Function(`return ${source}`)()(...args, done)), [fn.toString(), a]) };
    const report = {};
    for (const [label, script] of [["open a ticket", OPEN_TICKET], ["open the risk tab", OPEN_RISK]]) {
      await sample(driver, script, 3); // warm
      const before = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
      const times = await sample(driver, script, SAMPLES);
      const { profile: cpu } = await cdp.send("Profiler.stop");
      const after = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
      // Per sample, in ms: script, style, layout and everything the renderer's main thread did.
      const per = (k) => Math.round(((after[k] - before[k]) * 1000 * 10) / SAMPLES) / 10;
      report[label] = {
        times,
        per_sample_ms: { script: per("ScriptDuration"), style: per("RecalcStyleDuration"), layout: per("LayoutDuration"), task: per("TaskDuration") },
        ...heaviest(cpu, replay.source),
      };
    }
    console.log(JSON.stringify({ warnings: [...new Set(warnings)].slice(0, 20), report }, null, 2));
  } catch (error) {
    const page = browser.contexts()[0]?.pages()[0];
    if (page) console.error(`the page showed:\n${(await page.innerText("body")).slice(0, 1500)}`);
    throw error;
  } finally {
    await browser.close();
    replay.close();
  }
}

const phase = process.argv[2] ?? "all";
if (phase === "record" || phase === "all") await record();
if (phase === "profile" || phase === "all") await profile();
