// How fast the real app window answers with a big local copy: opening a ticket, switching
// views and searching, each timed inside the page from the agent's action to the next frame
// that shows the answer (the DOM has it and a frame was drawn). Not a test: a benchmark whose
// figures go into docs/PERFORMANCE.md. Run it in a desktop session with a keyring, e.g.
//   scripts/bench-window.sh
import { openBenchWindow, sample, TICKETS } from "./bench-window.mjs";
import { OPEN_RISK, OPEN_TICKET, QUERIES, SCROLL, SEARCH, SWITCH_VIEW, VIEWS } from "./window-actions.mjs";

const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 40);

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
