// How fast the real app window answers with a big local copy: opening a ticket, switching
// views and searching, each timed inside the page from the agent's action to the next frame
// that shows the answer (the DOM has it and a frame was drawn). Not a test: a benchmark whose
// figures go into docs/PERFORMANCE.md.
//
// It reuses what `arbiter-bench` leaves in ~/.cache/arbiter-bench (the server database with
// 114,000 tickets and the encrypted desk cache synced from it, with its key), so no sync is
// needed: the app starts on a copy of that cache, signed in as the bench's head of support
// (who sees every ticket). Run it in a desktop session with a keyring, e.g.
//   scripts/bench-window.sh
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { freshProfile, launchApp, startServer } from "../e2e/harness.mjs";

const BENCH_DIR = process.env.ARBITER_BENCH_DIR ?? join(homedir(), ".cache/arbiter-bench");
const TICKETS = Number(process.env.ARBITER_BENCH_TICKETS ?? 114_000);
const TOKEN = "bench-head-of-support";
const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 40);

const serverDb = join(BENCH_DIR, `server-${TICKETS}.db`);
const benchCache = join(BENCH_DIR, "desk.sqlite");
const benchKey = join(BENCH_DIR, "desk.key");
for (const path of [serverDb, benchCache, benchKey]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: run arbiter-bench first (see README, "Developing").`);
    process.exit(2);
  }
}

function keyring(account, secret) {
  const stored = spawnSync(
    "secret-tool",
    ["store", "--label", `Arbiter ${account}`, "target", "default", "service", "dev.arbiter.desk", "username", account],
    { input: secret },
  );
  if (stored.status !== 0) throw new Error(`secret-tool store failed: ${stored.stderr}`);
}

/** Runs `script` (in the page) `n` times; returns p50/p95/max in ms. */
async function sample(browser, script, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const ms = await browser.executeAsync(script, i);
    if (typeof ms !== "number") throw new Error(`a sample failed: ${JSON.stringify(ms)}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(times.at(-1)), n };
}

const round = (ms) => Math.round(ms * 10) / 10;

// The in-page part. `timed(act, ready, done)` runs `act`, waits for `ready()` (checked on every
// DOM change) and then for the next frame, and reports the time since `act`.
const TIMER = `
  function timed(act, ready, done) {
    const t0 = performance.now();
    let settled = false;
    const finish = () => {
      if (settled || !ready()) return;
      settled = true;
      observer.disconnect();
      requestAnimationFrame(() => done(performance.now() - t0));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    act();
    finish();
    setTimeout(() => { if (!settled) { settled = true; observer.disconnect(); done("timed out"); } }, 10000);
  }
`;

const OPEN_TICKET = new Function(
  "i",
  "done",
  `${TIMER}
  const rows = [...document.querySelectorAll('[data-testid="ticket-row"]')];
  const row = rows[(i * 7) % rows.length];
  const list = row.closest(".rows");
  const id = row.getAttribute("data-ticket-id");
  const subject = row.querySelector(".subject").textContent;
  timed(
    () => row.querySelector("button").click(),
    () => document.querySelector('[data-testid="ticket-subject"]')?.textContent === subject &&
          document.querySelector('[data-testid="ticket-header"] .id')?.textContent === "#" + id &&
          document.querySelector('[data-testid="conversation"]') !== null,
    (ms) => { list.scrollTop += 104 * 3; done(ms); },
  );`,
);

// The risk tab of a ticket: the customer scored from the local copy (their whole timeline, links
// through the identifier index and those kept from the company API), findings and graph drawn.
// Each sample first opens another ticket on its conversation (not timed).
const OPEN_RISK = new Function(
  "i",
  "done",
  `${TIMER}
  const rows = [...document.querySelectorAll('[data-testid="ticket-row"]')];
  const row = rows[(i * 5 + 3) % rows.length];
  const subject = row.querySelector(".subject").textContent;
  document.querySelector('[data-testid="tab-conversation"]')?.click();
  row.querySelector("button").click();
  const opened = () => document.querySelector('[data-testid="ticket-subject"]')?.textContent === subject &&
    document.querySelector('[data-testid="tab-risk"]') !== null;
  const start = () => timed(
    () => document.querySelector('[data-testid="tab-risk"]').click(),
    () => document.querySelector('[data-testid="risk-band"]') !== null &&
          document.querySelector('[data-testid="risk-timeline"]') !== null,
    done,
  );
  const wait = () => (opened() ? requestAnimationFrame(start) : setTimeout(wait, 5));
  wait();`,
);

const VIEWS = ["mine", "unassigned", "open", "pending", "on_hold", "sla_at_risk", "escalated", "chargebacks", "fraud_claims", "disputes", "solved", "all"];

const SWITCH_VIEW = new Function(
  "i",
  "done",
  `${TIMER}
  const views = ${JSON.stringify(VIEWS)};
  const current = [...document.querySelectorAll('[data-testid^="view-"][aria-current="page"]')].map((b) => b.getAttribute("data-testid"));
  let view = views[i % views.length];
  if (current.includes("view-" + view)) view = views[(i + 1) % views.length];
  const button = document.querySelector('[data-testid="view-' + view + '"]');
  const empty = ["", "0"].includes(button.querySelector(".count").textContent.trim());
  const label = button.querySelector("span").textContent.trim();
  timed(
    () => button.click(),
    () => document.querySelector('[data-testid="view-title"]')?.textContent?.trim() === label &&
          (empty ? document.querySelector(".list .empty") !== null
                       : document.querySelector('[data-testid="ticket-row"]') !== null),
    done,
  );`,
);

const SCROLL = new Function(
  "i",
  "done",
  `${TIMER}
  const scroller = document.querySelector(".list .rows");
  let expected = 0;
  timed(
    () => {
      scroller.scrollTop += 30 * 104; // clamped at the end of what is loaded; more pages follow
      scroller.dispatchEvent(new Event("scroll"));
      expected = Math.floor(scroller.scrollTop / 104) + 1;
    },
    () => document.querySelector('[data-testid="ticket-row"][aria-posinset="' + expected + '"]') !== null,
    done,
  );`,
);

const QUERIES = ["withdrawal", "chargeback", "refund", "提币", "password", "staking", "card", "wallet", "verification", "example.com"];

const SEARCH = new Function(
  "i",
  "done",
  `${TIMER}
  const queries = ${JSON.stringify(QUERIES)};
  const input = document.querySelector('[data-testid="search-input"]');
  const setValue = (value) => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  // Start from the inbox, not from the previous answer.
  setValue("");
  requestAnimationFrame(() => timed(
    () => setValue(queries[i % queries.length]),
    () => document.querySelector('[data-testid="search-results"], .list .empty') !== null,
    done,
  ));`,
);

async function main() {
  const server = await startServer({ database: serverDb });
  const profile = freshProfile();
  const app = { close: async () => {} };
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
    console.error(`copied the ${TICKETS}-ticket cache in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    writeFileSync(join(configDir, "settings.json"), JSON.stringify({ session: { server_url: server.url, agent: me } }));
    keyring(server.url, TOKEN);
    keyring(`cache-key:${name}`, readFileSync(benchKey, "utf8").trim());

    Object.assign(app, await launchApp(profile));
    const browser = app.browser;
    await (await browser.$('[data-testid="ticket-row"]')).waitForExist({ timeout: 120_000 });
    // Let the start settle (migrations, the first catch-up with the server).
    await browser.waitUntil(async () => (await (await browser.$('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
      timeout: 120_000,
    });
    await new Promise((r) => setTimeout(r, 2_000));

    const results = {};
    results["open a ticket"] = await sample(browser, OPEN_TICKET, SAMPLES);
    results["open the risk tab (score, findings, links, timeline)"] = await sample(browser, OPEN_RISK, SAMPLES);
    results["switch view"] = await sample(browser, SWITCH_VIEW, SAMPLES);
    results["search (as typed, whole word)"] = await sample(browser, SEARCH, SAMPLES);
  await browser.execute(() => {
    const input = document.querySelector('[data-testid="search-input"]');
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    document.querySelector('[data-testid="view-all"]').click();
  });
  await (await browser.$('[data-testid="ticket-row"]')).waitForExist({ timeout: 10_000 });
  results["scroll the list by 30 rows (pages load as it goes)"] = await sample(browser, SCROLL, SAMPLES * 3);
    const counts = await browser.execute(() => document.querySelector('[data-testid="view-all"]')?.textContent);
    console.log(JSON.stringify({ tickets_in_view_all: counts?.replace(/\D+/g, " ").trim(), samples: SAMPLES, results }, null, 2));
  } finally {
    await app.close();
    await server.stop();
    rmSync(profile.home, { recursive: true, force: true });
  }
}

await main();
