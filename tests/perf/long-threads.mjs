// Long conversations in the real app window (figures for docs/PERFORMANCE.md): on the bench's
// big local copy plus four tickets of 1,000 and 5,000 messages (an email thread and a chat of
// each), how long opening one takes (click → its newest message drawn), how long a scroll
// step up takes (→ the rows for the new place drawn, older pages loading as it goes), and how
// much memory the window holds with the 5,000-message thread open and scrolled through.
// Not a test: a benchmark. Run it in a desktop session with a keyring, e.g.
//   scripts/bench-window.sh long-threads
// (ARBITER_APP=…/release/arbiter for a release build.)
import { apiSend, gateway } from "../e2e/harness.mjs";
import { openBenchWindow, sample, settle, TIMER, windowMemory } from "./bench-window.mjs";

const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 30);
const SIZES = [1_000, 5_000];

/** An HTML email as a mail client sends a reply: a few lines, then the quoted history. */
const email = (i, stamp) =>
  `<div dir="ltr">Message ${i} of the long thread (${stamp}): my card was charged again today, ` +
  `please see the statement line below.<br><br>Statement: CARD PURCHASE 29.99 EUR</div><br>` +
  `<div class="gmail_quote"><div class="gmail_attr">On Mon, Support &lt;support@exchange.example&gt; wrote:</div>` +
  `<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">` +
  `Thank you for your message. We are looking into the payment and will come back to you.<br>`.repeat(6) +
  `</blockquote></div>`;

const get = (server, path, token) => apiSend(server, "GET", path, undefined, { token });

/** Tops a ticket up to `size` customer messages through the channel gateway. */
async function grow(server, token, ticket, size, stamp) {
  const have = (await get(server, `/v1/tickets/${ticket.id}`, token)).messages.length;
  for (let i = have; i < size; i++) {
    const text = `Message ${i} of the long thread (${stamp}): my card was charged again today.`;
    await gateway(server, `/tickets/${ticket.id}/messages`, ticket.channel === "email" ? { text, html: email(i, stamp) } : { text });
  }
  return size - have;
}

const OPEN = new Function(
  "i",
  "ids",
  "done",
  `${TIMER}
  const id = ids[i % ids.length];
  const row = document.querySelector('[data-testid="ticket-row"][data-ticket-id="' + id + '"]');
  // Another ticket first (not timed), so each sample is a fresh open.
  const other = [...document.querySelectorAll('[data-testid="ticket-row"]')].find((r) => !ids.includes(Number(r.getAttribute("data-ticket-id"))));
  other.querySelector("button").click();
  const newest = () => {
    const c = document.querySelector('[data-testid="conversation"]');
    return c && document.querySelector('[data-testid="ticket-header"] .id')?.textContent === "#" + id &&
      [...c.querySelectorAll('[data-testid="message"]')].length > 0 && c.scrollTop + c.clientHeight >= c.scrollHeight - 60;
  };
  window.__benchDescribe = () => {
    const c = document.querySelector('[data-testid="conversation"]');
    return c ? "conversation top " + c.scrollTop + ", height " + c.clientHeight + " of " + c.scrollHeight + ", entries " + c.getAttribute("data-entries") +
      ", rows " + c.querySelectorAll(".entry").length : "no conversation";
  };
  const start = () => timed(() => row.querySelector("button").click(), newest, done);
  const wait = () => (document.querySelector('[data-testid="ticket-header"] .id')?.textContent !== "#" + id ? requestAnimationFrame(start) : setTimeout(wait, 5));
  setTimeout(wait, 50);`,
);

const SCROLL_UP = new Function(
  "i",
  "done",
  `${TIMER}
  const c = document.querySelector('[data-testid="conversation"]');
  const rows = c.querySelector(".entries");
  let target = 0;
  timed(
    () => { c.scrollTop = Math.max(0, c.scrollTop - c.clientHeight); target = c.scrollTop; },
    () => {
      const box = rows.getBoundingClientRect(), view = c.getBoundingClientRect();
      return box.top <= view.top + 1 && box.bottom >= view.bottom - 1;
    },
    done,
  );`,
);

const { server, token, browser, close } = await openBenchWindow();
try {
  const stamp = Date.now();
  // Two open email tickets and two open chats, read from the feed's first pages.
  const mine = [];
  for (let after = 0; mine.filter((t) => t.channel === "chat").length < 2 || mine.filter((t) => t.channel === "email").length < 2; ) {
    const page = await get(server, `/v1/changes?after=${after}&limit=5000`, token);
    for (const c of page.changes) {
      const e = c.entity;
      if (e.kind === "ticket" && ["open", "new", "pending"].includes(e.data.status)) mine.push(e.data);
    }
    if (!page.has_more) break;
    after = page.next_cursor;
  }
  const pick = (channel, n) => mine.filter((t) => t.channel === channel).sort((a, b) => a.id - b.id)[n];
  const threads = [];
  for (const size of SIZES) {
    for (const channel of ["email", "chat"]) {
      const ticket = pick(channel, threads.filter((t) => t.channel === channel).length);
      const added = await grow(server, token, ticket, size, stamp);
      threads.push({ ticket, size, channel, added });
      console.error(`#${ticket.id} (${channel}): ${size} messages (${added} added)`);
    }
  }
  // The desk takes in what was added, then the long tickets lead "All" (newest activity first).
  await browser.execute(() => document.querySelector('[data-testid="view-all"]').click());
  await browser.waitUntil(
    async () => {
      const ids = await browser.execute(() => [...document.querySelectorAll('[data-testid="ticket-row"]')].slice(0, 8).map((r) => Number(r.getAttribute("data-ticket-id"))));
      return threads.every((t) => ids.includes(t.ticket.id));
    },
    { timeout: 600_000, interval: 2_000, timeoutMsg: "the long tickets did not sync" },
  );
  await browser.waitUntil(async () => (await (await browser.$('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", { timeout: 600_000 });

  // What the window holds before any long thread is opened: the inbox on the bench cache.
  const inboxOnly = windowMemory();
  // The desk is still busy with the 12,000 new messages for a while after it shows them:
  // wait until it is idle (and say what was busy), then open each thread a few times untimed.
  const settled = await settle();
  console.error(`settled after ${settled.seconds} s (idle: ${settled.idle}):`, settled.busy);
  for (const t of threads) await sample(browser, OPEN, 3, [t.ticket.id]);
  const results = {};
  for (const t of threads) {
    const label = `${t.size.toLocaleString("en")}-message ${t.channel}`;
    results[`open a ${label}`] = await sample(browser, OPEN, SAMPLES, [t.ticket.id]);
    results[`scroll up a screen in a ${label} (older pages load as it goes)`] = await sample(browser, SCROLL_UP, SAMPLES * 2);
  }
  // The 5,000-message email thread open and scrolled all the way back.
  const biggest = threads.find((t) => t.size === 5_000 && t.channel === "email");
  await sample(browser, OPEN, 1, [biggest.ticket.id]);
  await browser.waitUntil(
    async () =>
      browser.execute(() => {
        const c = document.querySelector('[data-testid="conversation"]');
        c.scrollTop = 0;
        return document.querySelector('[data-testid="earlier-messages"]') === null;
      }),
    { timeout: 600_000, interval: 100, timeoutMsg: "the whole thread did not load" },
  );
  const memory = {
    "window before any long thread was opened (MB: RSS total, PSS, private, RSS per process)": inboxOnly,
    "window with the 5,000-message email thread open and scrolled through (MB: RSS total, PSS, private, RSS per process)": windowMemory(),
  };
  console.log(JSON.stringify({ app: process.env.ARBITER_APP ?? "debug", samples: SAMPLES, settled, results, memory }, null, 2));
} finally {
  await close();
}
