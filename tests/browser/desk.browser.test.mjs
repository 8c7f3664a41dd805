// Breadth, in Chromium against the UI on the in-memory desk: signing in, the keyboard
// (views, palette, cheat sheet, remapping that survives a reload), search, the composer's
// undo window, offline and conflict states, live chats, side conversations, Chinese, the
// dark theme, and an accessibility scan (axe-core, WCAG 2.1 AA) of the main screens.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { accessibilityProblems, openDesk, startBrowser } from "./harness.mjs";

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const tid = (id) => `[data-testid="${id}"]`;

/** What web storage may hold: display preferences (theme, language, shortcuts, chime, last server). */
// Display preferences only: which screen and view each agent had open is `arbiter.panes`.
const PREFERENCES = ["arbiter.theme", "arbiter.locale", "arbiter.shortcuts", "arbiter.chatSound", "arbiter.lastServerUrl", "arbiter.panes"];

/** The keys in the page's web storage (only those of `allowed`, when given). */
async function webStorageKeys(page, allowed = null) {
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  return allowed ? keys.filter((k) => allowed.includes(k)) : keys;
}

test("sign in, then the inbox with its views and live counts", async () => {
  const { page, context, errors } = await openDesk(env, { query: "?signedOut" });
  await page.fill(tid("server-url"), "https://api.arbiter.example");
  await page.fill(tid("token"), "good-token");
  await page.click(tid("sign-in"));
  await page.waitForSelector(tid("agent-name"));
  assert.equal(await page.textContent(tid("agent-name")), "Ava Chen");
  assert.equal(await page.locator(tid("ticket-row")).count(), 2, "my open tickets");
  assert.match(await page.textContent(tid("view-pending")), /Pending\s*1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the keyboard drives everything: j opens, g p switches view, Ctrl+K runs commands, ? lists the keys, remapping survives a reload", async () => {
  const { page, context, errors } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("j");
  await page.waitForSelector(tid("ticket-subject"));
  assert.equal(await page.textContent(tid("ticket-subject")), "Card charged twice for one BTC purchase");
  await page.keyboard.press("j");
  await page.waitForFunction(() => document.querySelector('[data-testid="ticket-subject"]')?.textContent?.startsWith("Chargeback notice"));

  await page.keyboard.press("g");
  await page.keyboard.press("p");
  await page.waitForFunction(() => document.querySelector('[data-testid="view-title"]')?.textContent?.includes("Pending"));

  await page.keyboard.press("Control+k");
  await page.fill(tid("palette-input"), "solved");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-testid="view-title"]')?.textContent?.includes("Solved"));
  assert.equal(await page.locator(tid("ticket-row")).count(), 1);

  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: /shortcuts/i });
  await sheet.waitFor();
  const row = sheet.locator('[data-shortcut="focus-reply"]');
  await row.getByRole("button", { name: /Change keys/ }).click();
  await page.keyboard.press("e");
  // The recorder waits a moment for a second key (a sequence) before it settles.
  await row.getByRole("button", { name: /Reset/ }).waitFor();
  await page.keyboard.press("Escape");
  await page.reload();
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("j");
  await page.waitForSelector(tid("reply-body"));
  await page.keyboard.press("e");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "reply-body", "e now focuses the reply");
  assert.deepEqual(errors, []);
  await context.close();
});

test("search from the keyboard: / to type, results as you type, Enter-free opening, Escape back", async () => {
  const { page, context } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("/");
  await page.keyboard.type("withdrawal");
  const hit = page.locator(tid("search-hit")).first();
  await hit.waitFor();
  assert.match(await hit.textContent(), /Withdrawal pending/);
  assert.deepEqual(await accessibilityProblems(page), [], "search results");
  await hit.locator("button").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="ticket-subject"]')?.textContent === "Withdrawal pending for 3 days");
  await page.focus(tid("search-input"));
  await page.keyboard.press("Escape");
  await page.waitForSelector(tid("search-results"), { state: "detached" });
  await context.close();
});

test("a reply can be undone in its window, then sent with a status; offline and conflicts are shown and settled", async () => {
  const { page, context } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("j");
  await page.fill(tid("reply-body"), "We refunded the duplicate charge.");
  await page.click(tid("send-reply"));
  await page.click(tid("undo"));
  assert.equal(await page.inputValue(tid("reply-body")), "We refunded the duplicate charge.", "undo gives the text back");
  assert.equal(await page.evaluate(() => window.fake.queue.length), 0, "nothing was queued");
  await page.click(tid("send-reply"));
  await page.click(tid("send-now"));
  await page.waitForFunction(() => window.fake.queue.some((q) => q.action.type === "reply"));

  // Offline: the banner counts what waits; the reply is marked unsent.
  await page.evaluate(() => window.fake.emitStatus({ state: "offline", outbox_pending: 1, message: "connection refused" }));
  await page.waitForSelector(`${tid("sync-status")}[data-state="offline"]`);
  assert.match(await page.textContent(tid("outbox-pending")), /1 action waiting to send/);
  assert.equal(await page.locator(tid("unsent-message")).count(), 1);

  // A conflict on a status change: keep mine sends it again.
  await page.evaluate(() => {
    const fake = window.fake;
    const item = fake.queue[0];
    item.state = "conflict";
    item.last_error = "the ticket changed on the server";
    fake.emitStatus({ state: "online", outbox_pending: 0, outbox_failed: 1 });
    fake.cacheListeners.forEach((listener) => listener({ ids: [item.action.ticket_id] }));
  });
  const notice = page.locator(tid("outbox-notice"));
  await notice.waitFor();
  await page.click(tid("keep-mine"));
  await notice.waitFor({ state: "detached" });
  await context.close();
});

test("two live chats: unread counts, the window title and typing, from the live stream", async () => {
  const { page, context } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.evaluate(() => {
    for (const view of window.fake.tickets.filter((v) => v.ticket.channel === "chat")) {
      view.ticket.assignee_id = 1;
      view.ticket.status = "open";
    }
    // As a sync would: the cache changed.
    window.fake.cacheListeners.forEach((listener) => listener({ ids: [100002, 100004] }));
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="chat-tab"]').length === 2);
  const say = (ticketId, id) =>
    page.evaluate(
      ({ ticketId, id }) => {
        const message = {
          id,
          ticket_id: ticketId,
          author_kind: "customer",
          author_agent_id: null,
          author_name: "Lucas Moreau",
          text: `Message ${id}`,
          html: null,
          email: null,
          attachments: [],
          created_at: new Date().toISOString(),
          client_ref: null,
        };
        window.fake.emitLive({ id, at: message.created_at, payload: { type: "message_created", message } });
      },
      { ticketId, id },
    );
  await say(100002, 501);
  await say(100004, 502);
  await say(100004, 503);
  await page.waitForFunction(() => document.title === "(3) Arbiter");
  const tab = page.locator(`${tid("chat-tab")}[data-ticket-id="100004"]`);
  assert.equal(await tab.locator(tid("chat-unread")).textContent(), "2");
  await tab.click();
  await page.waitForFunction(() => document.title === "(1) Arbiter");
  await page.evaluate(() =>
    window.fake.emitLive({ id: 504, at: new Date().toISOString(), payload: { type: "typing", ticket_id: 100004, typist: "customer", agent_id: null, typing: true } }),
  );
  await page.waitForSelector(tid("customer-typing"));
  // Unread counts are the desk's (its encrypted cache), not web storage's.
  assert.deepEqual(await page.evaluate(() => window.fake.chatUnread()), [{ ticket_id: 100002, unread: 1 }]);
  assert.deepEqual(await webStorageKeys(page), await webStorageKeys(page, PREFERENCES));
  await context.close();
});

test("side conversations: ask compliance, the answer shows as new, reply and close", async () => {
  const { page, context } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("j");
  await page.keyboard.press("t");
  await page.selectOption(tid("side-team"), "compliance");
  await page.fill(tid("side-subject"), "Source of funds");
  await page.fill(tid("side-body"), "Is the bank statement enough?");
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector(tid("side-pending"));
  await page.evaluate(() => window.fake.deliver());
  const thread = page.locator(tid("side-thread"));
  await thread.waitFor();
  const sideId = Number(await thread.getAttribute("data-side-id"));
  await page.evaluate((id) => window.fake.teamAnswers(id, "Compliance team", "Yes, with the salary slips."), sideId);
  await page.waitForSelector(tid("side-new-answer"));
  await page.fill(tid("side-reply"), "Thanks!");
  await page.click(tid("side-send-close"));
  await page.evaluate(() => window.fake.deliver());
  await page.waitForFunction(() => document.querySelector('[data-testid="side-status"]')?.textContent === "Closed");
  await context.close();
});

test("Chinese and the dark theme, and no serious accessibility problems on the main screens in either theme", async () => {
  const { page, context } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("j");
  await page.waitForSelector(tid("reply-body"));
  assert.deepEqual(await accessibilityProblems(page), [], "light theme, English");

  await page.click(tid("locale-zh"));
  await page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
  assert.match(await page.textContent(tid("view-mine")), /我的/);
  await page.click(tid("theme-dark"));
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(await accessibilityProblems(page), [], "dark theme, Chinese");
  await page.keyboard.press("t");
  await page.waitForSelector(tid("side-team"));
  assert.deepEqual(await accessibilityProblems(page), [], "side conversations form");
  await context.close();
});

/** Words in English under `selector`, outside data (translate="no": names, amounts, the
 * customer's and the server's words), apart from brand names and acronyms every language keeps. */
async function englishUnder(page, selector) {
  return page.evaluate((selector) => {
    const KEPT = /^(Visa|Mastercard|Arbiter|IP|API|UID|SLA|KYC|P|BTC|USD|PDF|CSV|PNG|SHA|ID|DS|L|FA|ARN)$/; // L2, P2P, 2FA, 3DS: letters apart from digits
    const root = document.querySelector(selector);
    if (!root) return [`nothing at ${selector}`];
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest('[translate="no"], script, style, code, kbd')) continue;
      for (const word of node.textContent.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) {
        if (!KEPT.test(word)) found.push(`${word} (in <${element.tagName.toLowerCase()} ${element.dataset.testid ?? ""}>)`);
      }
    }
    return found;
  }, selector);
}

test("in Chinese, the case, risk, escalation and error screens say nothing in English but data", async () => {
  const { page, context, errors } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.click(tid("locale-zh"));
  await page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
  // An open escalation on the first ticket, as the live stream would bring it.
  await page.evaluate(() => {
    const view = window.fake.tickets[0];
    const at = new Date().toISOString();
    view.escalations = [
      {
        id: 77, ticket_id: view.ticket.id, case_id: null, customer_id: view.ticket.customer_id, level: "l2", reason: "sensitive_language",
        detail: "the customer wrote “lawyer”", target_team: "compliance", target_agent_id: null, status: "open", raised_by: null,
        acknowledged_by: null, acknowledged_at: null, created_at: at, updated_at: at, version: 1,
      },
    ];
  });
  await page.keyboard.press("j");
  await page.waitForSelector(tid("escalation"));
  assert.deepEqual(await englishUnder(page, tid("escalations")), [], "the escalation");

  // The case tab: a refused form says why in Chinese; then the case itself.
  await page.click(tid("tab-case"));
  await page.fill(tid("case-amount"), "1250");
  await page.selectOption(tid("case-code"), "13.1");
  await page.fill(tid("case-last4"), "42");
  await page.fill(tid("case-transaction-date"), "2026-10-20");
  await page.fill(tid("case-summary"), "Customer says the BTC never arrived.");
  await page.click(tid("case-create"));
  await page.waitForSelector(tid("case-error"));
  assert.equal(await page.textContent(tid("case-error")), "卡号后四位必须是四个数字。");
  assert.deepEqual(await englishUnder(page, tid("case-panel")), [], "the case form and its error");
  await page.fill(tid("case-last4"), "4242");
  await page.click(tid("case-create"));
  await page.evaluate(() => window.fake.deliver());
  await page.waitForSelector(tid("case-stages"));
  await page.click(tid("case-decide-represent"));
  await page.evaluate(() => window.fake.deliver());
  await page.click(tid("evidence-add"));
  await page.waitForSelector(tid("evidence-form"));
  assert.deepEqual(await englishUnder(page, tid("case-panel")), [], "the case: stages, checklist, evidence, trail");

  // The risk tab: findings, links, the graph's words, the timeline, the report form.
  await page.click(tid("tab-risk"));
  await page.waitForSelector(tid("risk-graph"));
  await page.waitForFunction(() => document.querySelector('[data-testid="risk-links-status"]')?.dataset.checked === "yes");
  assert.deepEqual(await englishUnder(page, tid("risk-panel")), [], "the risk tab");
  // The same holds in Malay: every word comes from the catalogue.
  await page.click(tid("locale-ms"));
  await page.waitForFunction(() => document.documentElement.lang === "ms-MY");
  assert.match(await page.textContent(tid("risk-panel")), /akaun/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the supervisor console: drill from the board, tick tickets for a bulk change, hand the shift over; accessible in both themes", async () => {
  const { page, context, errors } = await openDesk(env, { query: "?supervisor" });
  await page.click(tid("open-board"));
  await page.click(tid("board-drill-queue"));
  await page.waitForFunction(() => document.querySelector('[data-testid="view-title"]')?.textContent === "disputes · active");
  const boxes = await page.$$(tid("ticket-pick"));
  assert.ok(boxes.length >= 2);
  await boxes[0].click();
  await boxes[1].click({ modifiers: ["Shift"] });
  assert.equal(await page.textContent(tid("bulk-count")), "2 tickets selected");
  assert.deepEqual(await accessibilityProblems(page), [], "bulk bar");
  await page.selectOption(tid("bulk-priority"), "urgent");
  await page.waitForSelector(`${tid("bulk-result")} >> text=2 tickets updated.`);
  assert.deepEqual(await page.evaluate(() => window.fake.bulkUpdates.map((b) => b.update)), [{ priority: "urgent" }]);

  await page.click(tid("open-handover"));
  await page.waitForSelector(tid("handover-draft-item"));
  await page.fill(tid("handover-summary"), "Quiet shift.");
  // The draft is the desk's to keep; web storage holds display preferences only.
  await page.waitForFunction(() => window.fake.otherDrafts.has("handover:disputes"));
  assert.deepEqual(await webStorageKeys(page), await webStorageKeys(page, PREFERENCES));
  await page.click(tid("handover-send"));
  await page.waitForSelector(tid("handover-sent"));
  await page.click(`${tid("handover-past")} button`);
  assert.deepEqual(await accessibilityProblems(page), [], "shift handover, light");
  await page.click(tid("theme-dark"));
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(await accessibilityProblems(page), [], "shift handover, dark");
  await page.click(tid("open-board"));
  await page.waitForSelector(tid("board-queue"));
  assert.deepEqual(await accessibilityProblems(page), [], "queue board, dark");
  assert.deepEqual(errors, []);
  await context.close();
});

test("loss analytics: charts and tables, a chart saved as a real PNG, CSV; accessible in both themes", async () => {
  const { page, context, errors } = await openDesk(env);
  await page.click(tid("open-analytics"));
  await page.waitForSelector(tid("chart-reason"));
  assert.equal(await page.textContent(tid("total-lost")), "$12,500");
  assert.deepEqual(await accessibilityProblems(page), [], "analytics, light");
  await page.click(tid("analytics-png-month"));
  await page.waitForSelector(tid("analytics-note"));
  const png = await page.evaluate(() => window.fake.exports.find((e) => e.kind === "png"));
  assert.equal(png.path, "/home/agent/Exports/losses/losses-month.png");
  assert.ok(png.bytes > 2_000, `a drawn chart, not an empty canvas (${png.bytes} bytes)`);
  await page.click(tid("analytics-csv"));
  await page.waitForFunction(() => window.fake.exports.some((e) => e.kind === "csv"));
  await page.click(tid("theme-dark"));
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(await accessibilityProblems(page), [], "analytics, dark");
  assert.deepEqual(errors, []);
  await context.close();
});

test("customer risk: findings, linked accounts and the timeline; accessible in both themes", async () => {
  const { page, context, errors } = await openDesk(env);
  await page.waitForSelector(tid("ticket-row"));
  await page.keyboard.press("j");
  await page.click(tid("tab-risk"));
  await page.waitForSelector(tid("risk-graph"));
  assert.equal(await page.textContent(tid("risk-band")), "Block and review");
  // The graph is a real one: it zooms, and a double-click on a linked account draws that
  // account's own links (Maria Lopez shares a device with Chen Wei).
  await page.waitForFunction(() => document.querySelector('[data-testid="risk-graph"]')?.dataset.nodes === "3");
  const zoom = () => page.evaluate(() => document.querySelector('[data-testid="risk-graph"]')._cyreg.cy.zoom());
  const before = await zoom();
  await page.click(tid("graph-zoom-in"));
  assert.ok((await zoom()) > before, "zoomed in");
  await page.click(tid("graph-fit"));
  const maria = await page.evaluate(() => {
    const graph = document.querySelector('[data-testid="risk-graph"]');
    const at = graph._cyreg.cy.getElementById("99").renderedPosition();
    const box = graph.getBoundingClientRect();
    return { x: box.left + at.x, y: box.top + at.y };
  });
  await page.mouse.click(maria.x, maria.y);
  await page.waitForSelector(`${tid("graph-selected")}[data-customer-id="99"]`);
  await page.click(tid("graph-expand"));
  await page.waitForFunction(() => document.querySelector('[data-testid="risk-graph"]')?.dataset.nodes === "4");
  assert.ok(await page.evaluate(() => document.querySelector('[data-testid="risk-graph"]')._cyreg.cy.getElementById("99-640").length === 1));
  assert.deepEqual(await accessibilityProblems(page), [], "risk, light");
  await page.click(tid("theme-dark"));
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(await accessibilityProblems(page), [], "risk, dark");
  assert.deepEqual(errors, []);
  await context.close();
});

test("pre-dispute alerts: the clock, an answer confirmed and sent once, the fraud hold; nothing in English in Chinese; accessible in both themes", async () => {
  const { page, context, errors } = await openDesk(env);
  await page.waitForSelector(tid("alerts-count"));
  assert.equal(await page.textContent(tid("alerts-count")), "4", "the open alerts, on the sidebar");
  await page.click(tid("open-alerts"));
  const row = (id) => `${tid("alert-row")}[data-alert="${id}"]`;
  await page.waitForSelector(`${row(301)} ${tid("alert-clock")}[data-urgency="closing"]`);
  assert.deepEqual(
    await page.$$eval(`${tid("alerts-open")} ${tid("alert-row")}`, (rows) => rows.map((r) => r.dataset.alert)),
    ["301", "304", "303", "302"],
    "soonest deadline first",
  );

  // An answer is final: chosen, confirmed, and queued once however fast it is clicked.
  await page.click(`${row(301)} ${tid("alert-select")}`);
  await page.check(`${tid("alert-outcome")}[value="refunded"]`);
  await page.click(tid("alert-answer"));
  await page.dblclick(tid("alert-confirm"));
  await page.waitForSelector(tid("alert-waiting"));
  assert.equal(await page.evaluate(() => window.fake.queue.filter((q) => q.action.type === "answer_alert").length), 1);
  assert.deepEqual(await accessibilityProblems(page), [], "alerts, light");
  await page.evaluate(() => window.fake.deliver());
  await page.waitForSelector(tid("alert-final"));
  await page.waitForFunction(() => document.querySelector('[data-testid="alerts-count"]')?.textContent === "3");

  // A confirmed fraud whose crypto is still here: hold the account's withdrawals.
  await page.click(`${row(303)} ${tid("alert-select")}`);
  await page.click(tid("alert-hold"));
  await page.evaluate(() => window.fake.deliver());
  await page.waitForSelector(tid("alert-held"));

  await page.click(tid("locale-zh"));
  await page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
  assert.deepEqual(await englishUnder(page, tid("alerts")), [], "the alerts and a held fraud");
  assert.deepEqual(await englishUnder(page, tid("open-alerts")), [], "the sidebar entry");
  await page.click(`${row(302)} ${tid("alert-select")}`);
  await page.check(`${tid("alert-outcome")}[value="not_resolved"]`);
  await page.click(tid("alert-answer"));
  await page.waitForSelector(tid("alert-confirm"));
  assert.deepEqual(await englishUnder(page, tid("alerts")), [], "an answer being confirmed");
  await page.click(`${row(307)} ${tid("alert-select")}`);
  await page.waitForSelector(tid("alert-missed"));
  assert.deepEqual(await englishUnder(page, tid("alerts")), [], "a missed alert");
  await page.click(tid("theme-dark"));
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(await accessibilityProblems(page), [], "alerts, dark");
  assert.deepEqual(errors, []);
  await context.close();
});
