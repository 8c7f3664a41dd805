// How fast the real app window answers with a big local copy: opening a ticket, switching
// views and searching, each timed inside the page from the agent's action to the next frame
// that shows the answer (the DOM has it and a frame was drawn). Not a test: a benchmark whose
// figures go into docs/PERFORMANCE.md. Run it in a desktop session with a keyring, e.g.
//   scripts/bench-window.sh
import { openBenchWindow, sample, TICKETS, TIMER } from "./bench-window.mjs";

const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 40);

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

// The same reads as the actions above, straight through IPC with nothing drawn: the desk's
// command (cache query, answer serialised), the bridge and the page's JSON parse. With the
// cache's own times (arbiter-bench on the same cache) and `dom`, this splits each action's
// time into cache query, IPC and JSON, Svelte update, layout and paint.
const INVOKE = new Function(
  "i",
  "kind",
  "done",
  `const invoke = window.__TAURI_INTERNALS__.invoke;
  const rows = [...document.querySelectorAll('[data-testid="ticket-row"]')];
  const id = (k) => Number(rows[(i * k) % rows.length].getAttribute("data-ticket-id"));
  const views = ${JSON.stringify(VIEWS)};
  const queries = ${JSON.stringify(QUERIES)};
  const list = (view, after) => invoke("list_tickets", { view: { builtin: view }, after, limit: 100 });
  const calls = {
    ticket: () => invoke("ticket", { id: id(7) }),
    // The risk tab asks for the customer of the ticket already open (that read is not timed).
    risk: (customer) => invoke("customer_risk", { customerId: customer }),
    // Switching view reloads the counts and saved views, then the view's first page.
    view: async () => {
      await Promise.all([invoke("saved_views"), invoke("view_counts")]);
      await list(views[i % views.length], null);
    },
    page: (after) => list("all", after),
    search: () => invoke("search", { query: { text: queries[i % queries.length], sources: [], statuses: [], queues: [],
      kinds: [], languages: [], channels: [], from: null, to: null, limit: 50 } }),
  };
  (async () => {
    let arg = null;
    if (kind === "risk") arg = (await invoke("ticket", { id: id(5) })).ticket.customer_id;
    if (kind === "page") {
      const first = await list("all", null);
      const deeper = await list("all", first.at(-1).cursor);
      arg = (i % 2 ? deeper : first).at(-1).cursor;
    }
    const t0 = performance.now();
    await calls[kind](arg);
    done(performance.now() - t0);
  })().catch((e) => done(String(e)));`,
);

const { browser, close } = await openBenchWindow();
try {
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
  const ipc = {};
  for (const [kind, label] of [["ticket", "open a ticket"], ["risk", "open the risk tab"], ["view", "switch view"],
    ["search", "search"], ["page", "next page of the list (scroll)"]]) {
    ipc[label] = await sample(browser, INVOKE, SAMPLES, kind);
  }
  results["through IPC alone, nothing drawn"] = ipc;
  const counts = await browser.execute(() => document.querySelector('[data-testid="view-all"]')?.textContent);
  console.log(JSON.stringify({ tickets: TICKETS, tickets_in_view_all: counts?.replace(/\D+/g, " ").trim(), samples: SAMPLES, results }, null, 2));
} finally {
  await close();
}
