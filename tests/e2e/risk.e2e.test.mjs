// Fraud risk in the real window: a fraud agent opens the ticket of a customer the generator
// planted an account takeover on (or, failing that, another pattern), the risk tab shows the
// rule firing, in words, with its events highlighted in the customer's timeline — scored by
// the desk from its local copy — and the agent reports the account to compliance.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { apiSend, eventually, freshProfile, launchApp, screenshot, signIn, startServer, visible } from "./harness.mjs";

const HARUTO = "demo-haruto"; // fraud agent
let server;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** Signs Haruto in, waits for the desk to be in step, and opens a ticket through search. */
async function openAsHaruto(app, ticketId) {
  const $ = (selector) => app.browser.$(selector);
  await signIn(app, server, HARUTO);
  await app.browser.waitUntil(async () => (await (await $('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
    timeout: 30_000,
  });
  await (await $('[data-testid="search-input"]')).setValue(`#${ticketId}`);
  const hit = await $('[data-testid="search-hit"] button');
  await hit.waitForExist({ timeout: 10_000 });
  await hit.click();
}

test("a planted pattern is flagged, explained with its events highlighted, and reported to compliance", async () => {
  const truth = JSON.parse(readFileSync(`${server.database}.ground-truth.json`, "utf8"));
  const tickets = await visible(server, "ticket", HARUTO);
  const byCustomer = new Map(tickets.map((t) => [t.customer_id, t]));
  const planted =
    truth.planted.find((p) => p.rule === 2 && byCustomer.has(p.customer_id)) ??
    truth.planted.find((p) => p.rule !== 4 && byCustomer.has(p.customer_id));
  assert.ok(planted, "a planted customer has a ticket in the fraud queue");
  const ticket = byCustomer.get(planted.customer_id);

  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await openAsHaruto(app, ticket.id);
    await (await $('[data-testid="tab-risk"]')).click();
    const finding = await $(`[data-testid="risk-finding"][data-rule="${planted.rule}"]`);
    await finding.waitForDisplayed({ timeout: 10_000, timeoutMsg: `rule ${planted.rule} fires for customer ${planted.customer_id}` });
    const band = await (await $('[data-testid="risk-band"]')).getAttribute("data-band");
    assert.notEqual(band, "approve", "a finding raises the band");
    assert.ok(String(await finding.getProperty("textContent")).length > 40, "explained in words");
    // Its events are the planted ones, marked in the timeline.
    await eventually(async () => {
      const flagged = await Promise.all(
        Array.from(await app.browser.$$('[data-testid="risk-event"].flagged')).map((e) => e.getAttribute("data-event-id")),
      );
      return planted.event_ids.every((id) => flagged.includes(String(id)));
    }, "the planted events are highlighted");
    await screenshot(app.browser, "risk");

    // Report it: the form is prefilled from the findings; the agent writes the narrative.
    const narrative = await $('[data-testid="sar-narrative"]');
    assert.match(String(await narrative.getProperty("value")), /risk score/i, "prefilled");
    await narrative.setValue("Account takeover: 2FA changed from a new country, then the balance withdrawn to a new address.");
    await (await $('[data-testid="sar-submit"]')).click();
    const sar = await eventually(async () => {
      const reports = await visible(server, "sar", HARUTO);
      return reports.find((r) => r.subject_customer_id === planted.customer_id && r.status === "submitted");
    }, "compliance has the report", 20_000);
    assert.ok(sar.rules_fired.includes(planted.rule), `rule ${planted.rule} is in the report`);
    assert.ok(planted.event_ids.every((id) => sar.activity_event_ids.includes(id)), "with the planted events");
    assert.match(sar.narrative, /^Account takeover: 2FA changed/);
    await (await $('[data-testid="sar-item"][data-status="submitted"]')).waitForDisplayed({ timeout: 20_000 });
  } finally {
    await app.close();
  }
});

test("accounts linked from outside the agent's queues come from the company API and are shown apart", async () => {
  // A fraud-queue customer linked to an account Haruto's desk does not hold.
  const tickets = await visible(server, "ticket", HARUTO);
  const held = new Set((await visible(server, "customer", HARUTO)).map((c) => c.id));
  let found = null;
  for (const ticket of tickets) {
    const links = await apiSend(server, "GET", `/v1/customers/${ticket.customer_id}/links`, undefined, { token: HARUTO });
    const outside = links.accounts.find((a) => !held.has(a.customer_id));
    if (outside) {
      found = { ticket, outside };
      break;
    }
  }
  assert.ok(found, "a fraud-queue customer shares something with an account outside the fraud queue");

  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await openAsHaruto(app, found.ticket.id);
    await (await $('[data-testid="tab-risk"]')).click();
    const status = await $('[data-testid="risk-links-status"][data-checked="yes"]');
    await status.waitForExist({ timeout: 15_000, timeoutMsg: "the desk asked the company API" });
    const shown = await eventually(async () => {
      const items = await Promise.all(
        Array.from(await app.browser.$$('[data-testid="risk-outside-linked"]')).map((e) => e.getProperty("textContent")),
      );
      return items.find((text) => String(text).includes(found.outside.account_id));
    }, `${found.outside.account_id} is listed as outside the queues`);
    assert.match(String(shown), /outside your queues/);
    // The customer panel beside the ticket sums it up too.
    await eventually(async () => {
      const summary = String(await (await $('[data-testid="risk-summary"]')).getProperty("textContent"));
      return summary.includes(found.outside.name) && summary.includes("outside your queues");
    }, "the customer panel lists the outside account");
    await app.browser.execute(() => document.querySelector('[data-testid="risk-graph"]')?.scrollIntoView({ block: "start" }));
    // The graph library draws in the window too (it loads on first use): its canvas is there.
    await eventually(
      async () => app.browser.execute(() => document.querySelector('[data-testid="risk-graph"] canvas') !== null),
      "the linked-accounts graph is drawn",
    );
    await screenshot(app.browser, "risk-linked-accounts");
    const finding = await $('[data-testid="risk-finding"][data-rule="4"]');
    assert.ok(await finding.isExisting(), "the link counts in the score (rule 4)");
  } finally {
    await app.close();
  }
});
