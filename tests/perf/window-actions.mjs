// The agent's actions the window benchmarks time, as in-page scripts for WebDriver's
// executeAsync (i, ...args, done): shared by window-speed.mjs (the real window) and
// profile-ui.mjs (the same UI in Chromium, profiled).
import { TIMER } from "./bench-window.mjs";

export const OPEN_TICKET = new Function(
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
// Each sample first opens another ticket on its conversation (not timed) and lets it settle.
export const OPEN_RISK = new Function(
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
  // The ticket done opening (its email frames loaded, its answers drawn) before the tab is
  // pressed, as an agent reads before they press: 300 ms after it shows.
  const wait = () => (opened() ? setTimeout(() => requestAnimationFrame(start), 300) : setTimeout(wait, 5));
  wait();`,
);

export const VIEWS = ["mine", "unassigned", "open", "pending", "on_hold", "sla_at_risk", "escalated", "chargebacks", "fraud_claims", "disputes", "solved", "all"];

export const SWITCH_VIEW = new Function(
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

export const SCROLL = new Function(
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

export const QUERIES = ["withdrawal", "chargeback", "refund", "提币", "password", "staking", "card", "wallet", "verification", "example.com"];

export const SEARCH = new Function(
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
