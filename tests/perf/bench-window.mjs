// The real app window on the bench's big local copy, for the in-window benchmarks
// (window-speed.mjs, long-threads.mjs, window-memory.mjs). It reuses what `arbiter-bench` leaves in
// ~/.cache/arbiter-bench (the server database with 114,000 tickets and the encrypted desk
// cache synced from it, with its key), so no sync is needed: the app starts on a copy of
// that cache, signed in as the bench's head of support (who sees every ticket).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freshProfile, launchApp, startServer } from "../e2e/harness.mjs";

const BENCH_DIR = process.env.ARBITER_BENCH_DIR ?? join(homedir(), ".cache/arbiter-bench");
export const TICKETS = Number(process.env.ARBITER_BENCH_TICKETS ?? 114_000);
export const TOKEN = "bench-head-of-support";

const serverDb = join(BENCH_DIR, `server-${TICKETS}.db`);
const benchCache = join(BENCH_DIR, "desk.sqlite");
const benchKey = join(BENCH_DIR, "desk.key");

function keyring(account, secret) {
  const stored = spawnSync(
    "secret-tool",
    ["store", "--label", `Arbiter ${account}`, "target", "default", "service", "dev.arbiter.desk", "username", account],
    { input: secret },
  );
  if (stored.status !== 0) throw new Error(`secret-tool store failed: ${stored.stderr}`);
}

/**
 * Runs `script` (in the page) `n` times with (i, ...args, done); returns p50/p95/max in ms.
 * When the script times with `timed`, `dom` gives the same for the moment the DOM had the
 * answer (before the frame that draws it): frame − dom is layout and paint.
 */
export async function sample(browser, script, n, ...args) {
  const times = [];
  const dom = [];
  for (let i = 0; i < n; i++) {
    await browser.execute(() => { window.__benchDom = undefined; });
    const ms = await browser.executeAsync(script, i, ...args);
    if (typeof ms !== "number") throw new Error(`a sample failed: ${JSON.stringify(ms)}`);
    times.push(ms);
    const domMs = await browser.execute(() => window.__benchDom);
    if (typeof domMs === "number") dom.push(domMs);
  }
  const stats = percentiles(times);
  return dom.length === times.length ? { ...stats, dom: percentiles(dom) } : stats;
}

export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)), n: sorted.length };
}

const round = (ms) => Math.round(ms * 10) / 10;

// The in-page part. `timed(act, ready, done)` runs `act`, waits for `ready()` (checked on every
// DOM change and scroll) and then for the next frame, and reports the time since `act`; the
// time `ready()` first held is left in `window.__benchDom` (for `sample`'s `dom`).
export const TIMER = `
  function timed(act, ready, done) {
    const t0 = performance.now();
    window.__benchT0 = t0;
    let settled = false;
    const finish = () => {
      if (settled || !ready()) return;
      settled = true;
      window.__benchDom = performance.now() - t0;
      observer.disconnect();
      document.removeEventListener("scroll", finish, true);
      requestAnimationFrame(() => done(performance.now() - t0));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    document.addEventListener("scroll", finish, true);
    act();
    finish();
    setTimeout(() => { if (!settled) { settled = true; observer.disconnect(); done("timed out; alerts on screen: " + JSON.stringify([...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent.trim()).filter(Boolean)) + (window.__benchDescribe ? "; " + window.__benchDescribe() : "")); } }, 10000);
  }
`;

/** Starts the server on the bench database and the app on a copy of the bench cache, and
 * waits until the inbox is drawn and caught up. */
export async function openBenchWindow() {
  for (const path of [serverDb, benchCache, benchKey]) {
    if (!existsSync(path)) {
      console.error(`${path} is missing: run arbiter-bench first (see README, "Developing").`);
      process.exit(2);
    }
  }
  // The server works on a copy: a run writes to its database (the simulator, grown
  // threads), and the next run must start from what the bench cache was synced from, or the
  // desk has every earlier run's changes to catch up with first.
  const serverCopy = join(mkdtempSync(join(tmpdir(), "arbiter-bench-server-")), "server.db");
  copyFileSync(serverDb, serverCopy);
  if (existsSync(`${serverDb}-wal`)) copyFileSync(`${serverDb}-wal`, `${serverCopy}-wal`);
  // Without the sweeps, as arbiter-bench runs it: the data's clock is fixed in the past, so a
  // sweep would raise tens of thousands of escalations (and the stream with them) mid-run.
  const server = await startServer({
    database: serverCopy,
    args: ["--rate-limit", "100000", "--rate-burst", "100000", "--escalation-interval-secs", "0"],
  });
  const profile = freshProfile();
  const app = { close: async () => {} };
  const close = async () => {
    await app.close();
    await server.stop();
    rmSync(profile.home, { recursive: true, force: true });
    rmSync(dirname(serverCopy), { recursive: true, force: true });
  };
  try {
    const me = await (await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
    // Where the desk looks for this session's cache (crates/desk/src/paths.rs), under the
    // app's data folder (its identifier, dev.arbiter.desk).
    const dataDir = join(profile.data, "dev.arbiter.desk");
    const configDir = join(profile.config, "dev.arbiter.desk");
    const name = `${createHash("sha256").update(`${server.url}\n${me.id}`).digest("hex").slice(0, 20)}.sqlite`;
    mkdirSync(join(dataDir, "caches"), { recursive: true });
    mkdirSync(configDir, { recursive: true });
    const started = Date.now();
    copyFileSync(benchCache, join(dataDir, "caches", name));
    // What the bench committed last may still be in the write-ahead log.
    if (existsSync(`${benchCache}-wal`)) copyFileSync(`${benchCache}-wal`, join(dataDir, "caches", `${name}-wal`));
    console.error(`copied the ${TICKETS}-ticket cache in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    writeFileSync(join(configDir, "settings.json"), JSON.stringify({ session: { server_url: server.url, agent: me } }));
    keyring(server.url, TOKEN);
    keyring(`cache-key:${name}`, readFileSync(benchKey, "utf8").trim());

    Object.assign(app, await launchApp(profile));
    const browser = app.browser;
    // The desk opens on the agent's own tickets; the bench's head of support has none.
    await (await browser.$('[data-testid="view-all"]')).waitForExist({ timeout: 120_000 });
    await browser.execute(() => document.querySelector('[data-testid="view-all"]').click());
    await (await browser.$('[data-testid="ticket-row"]')).waitForExist({ timeout: 120_000 });
    // Let the start settle (migrations, the first catch-up with the server).
    await browser.waitUntil(async () => (await (await browser.$('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
      timeout: 120_000,
    });
    await new Promise((r) => setTimeout(r, 2_000));
    return { server, token: TOKEN, browser, close };
  } catch (error) {
    if (app.browser) {
      const said = await app.browser.execute(() => document.body.innerText.slice(0, 2000)).catch(() => "(no page)");
      console.error(`the window showed:\n${said}`);
    }
    await close();
    throw error;
  }
}

/**
 * Memory (MB) of the app and its WebKit processes, in all and per process. `total` adds up
 * each process's resident size (RSS), which counts the libraries they share (WebKitGTK, GTK,
 * GLib: mapped by the app and by the web process) once per process; `pss` (proportional set
 * size, /proc/PID/smaps_rollup) shares them out, so it is what the window costs the machine;
 * `private` is what the window alone holds (unshared pages).
 */
export function windowMemory() {
  const each = {};
  let pss = 0;
  let unshared = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let comm;
    let rollup;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (!/^(arbiter|WebKitWebProces|WebKitNetworkPr)/.test(comm) || comm === "arbiter-server") continue;
      rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
    each[comm] = (each[comm] ?? 0) + Math.round(kb("Rss") / 1024);
    pss += kb("Pss");
    unshared += kb("Private_Clean") + kb("Private_Dirty");
  }
  return {
    total: Object.values(each).reduce((a, b) => a + b, 0),
    pss: Math.round(pss / 1024),
    private: Math.round(unshared / 1024),
    ...each,
  };
}

/** CPU seconds used so far by the app and its WebKit processes, per process name (from /proc). */
export function windowCpu() {
  const each = {};
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    if (!/^(arbiter|WebKitWebProces|WebKitNetworkPr)/.test(comm) || comm === "arbiter-server") continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    each[comm] = (each[comm] ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, clock ticks
  }
  return each;
}

/**
 * Waits until the window is idle (app + WebKit under 10% of a core over 2 s), at most
 * `limitMs`; returns how long that took and what each process was busy with meanwhile, so a
 * bench reports what the desk was still doing rather than timing it by accident.
 */
export async function settle(limitMs = 120_000) {
  const start = Date.now();
  const first = windowCpu();
  let before = first;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = windowCpu();
    const used = Object.keys(now).reduce((sum, k) => sum + (now[k] - (before[k] ?? 0)), 0);
    before = now;
    if (used / 2 < 0.1 || Date.now() - start >= limitMs) {
      const busy = Object.fromEntries(Object.keys(now).map((k) => [k, `${(now[k] - (first[k] ?? 0)).toFixed(1)} s CPU`]));
      return { seconds: Math.round((Date.now() - start) / 1000), idle: used / 2 < 0.1, busy };
    }
  }
}
