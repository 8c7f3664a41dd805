// Stopping the loss in the real window: a fraud agent opens a planted account takeover whose
// withdrawal still waits out its lock, asks for the risk tab's pre-filled stop (hold
// withdrawals, revoke sessions, force a reset), holds the pending withdrawal itself, freezes
// the account and asks to lift the freeze, which needs a second person; the team lead, in
// her own session, finds it in Approvals and approves; the server shows it all, audited.
// A victim of address poisoning: the pending withdrawal to the lookalike is flagged.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { api, eventually, freshProfile, launchApp, openTicket, screenshot, signIn, startServer, visible, waitOnline } from "./harness.mjs";

const HARUTO = "demo-haruto"; // fraud agent
const OLGA = "demo-olga"; // fraud team lead
const TOMASZ = "demo-tomasz"; // risk
let server;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

async function signInAndOpen(app, token, ticketId, on = server) {
  await signIn(app, on, token);
  await waitOnline(app);
  await openTicket(app, ticketId);
}

test("a takeover's withdrawal is held from the risk tab, and lifting a freeze waits for the lead's approval", async () => {
  const truth = JSON.parse(readFileSync(`${server.database}.ground-truth.json`, "utf8"));
  const tickets = await visible(server, "ticket", HARUTO);
  const byCustomer = new Map(tickets.map((t) => [t.customer_id, t]));
  let target = null;
  for (const planted of truth.planted.filter((p) => p.rule === 2 && byCustomer.has(p.customer_id))) {
    const account = await api(server, `/v1/customers/${planted.customer_id}/controls`, HARUTO);
    if (account.pending_withdrawals.length > 0) {
      target = { customer: planted.customer_id, ticket: byCustomer.get(planted.customer_id), withdrawal: account.pending_withdrawals[0] };
      break;
    }
  }
  assert.ok(target, "a planted takeover in the fraud queue has a pending withdrawal");

  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await signInAndOpen(app, HARUTO, target.ticket.id);
    await (await $('[data-testid="tab-risk"]')).click();
    // The finding's stop, pre-filled, in one click.
    const offer = await $('[data-testid="controls-suggestion"][data-rule="2"]');
    await offer.waitForDisplayed({ timeout: 15_000, timeoutMsg: "rule 2 offers its stop" });
    await (await offer.$('[data-testid="controls-ask-suggested"]')).click();
    const account = await eventually(async () => {
      const seen = await api(server, `/v1/customers/${target.customer}/controls`, HARUTO);
      return seen.controls.withdrawals_held && seen.controls.reset_required && seen.controls.sessions_revoked_at ? seen : null;
    }, "the server holds withdrawals, revoked sessions and forces a reset");
    // (The server's own auto-hold may have come first, at the decline band: either stops it.)
    assert.ok(["account_takeover", "risk_decline"].includes(account.controls.withdrawals_held.reason));

    // The pending withdrawal held on its own too.
    const row = await $(`[data-testid="pending-withdrawal"]`);
    await row.waitForDisplayed({ timeout: 10_000 });
    await (await row.$('[data-testid="pick-hold"]')).click();
    await (await $('[data-testid="controls-submit"]')).click();
    await eventually(async () => {
      const seen = await api(server, `/v1/customers/${target.customer}/controls`, HARUTO);
      return seen.controls.held_withdrawals.some((h) => h.withdrawal_id === target.withdrawal.id);
    }, "the withdrawal is held on the server");
    await eventually(async () => (await (await $('[data-testid="pending-withdrawal"]')).getAttribute("data-held")) === "true", "shown held");

    // Freezing applies at once; lifting the freeze needs the lead or risk: said before asking.
    await (await $('[data-testid="controls-kind"]')).selectByAttribute("value", "freeze");
    await (await $('[data-testid="controls-reason"]')).selectByAttribute("value", "account_takeover");
    await eventually(
      async () => String(await (await $('[data-testid="controls-approvers"]')).getProperty("textContent")) === "Applies at once.",
      "freezing needs nobody",
    );
    await (await $('[data-testid="controls-submit"]')).click();
    await eventually(async () => (await api(server, `/v1/customers/${target.customer}/controls`, HARUTO)).controls.frozen, "frozen on the server");
    await (await $('[data-testid="controls-kind"]')).selectByAttribute("value", "unfreeze");
    await (await $('[data-testid="controls-reason"]')).selectByAttribute("value", "resolved");
    await eventually(
      async () => String(await (await $('[data-testid="controls-approvers"]')).getProperty("textContent")).includes("a team lead or risk"),
      "the approvers are named",
    );
    await (await $('[data-testid="controls-submit"]')).click();
    await eventually(
      async () => (await (await $('[data-testid="controls-request"]')).getAttribute("data-status")) === "awaiting_approval",
      "the request shows awaiting approval",
    );
    await screenshot(app.browser, "account-controls");
  } finally {
    await app.close();
  }

  // Risk may approve too: Tomasz's queues hold none of the customer's tickets, so the evidence
  // (the rule that fired, the waiting withdrawal, the timeline) comes from the company API.
  const risk = await launchApp(freshProfile());
  try {
    await signIn(risk, server, TOMASZ);
    await (await risk.browser.$('[data-testid="open-approvals"]')).click();
    const item = await risk.browser.$('[data-testid="approval"]');
    await item.waitForDisplayed({ timeout: 20_000, timeoutMsg: "the request reaches risk's approvals" });
    await (await item.$('[data-testid="show-evidence"]')).click();
    const evidence = await item.$('[data-testid="approval-evidence"]');
    await evidence.waitForDisplayed({ timeout: 15_000, timeoutMsg: "the evidence is shown" });
    assert.equal(await evidence.getAttribute("data-from-server"), "true");
    await (await evidence.$('[data-testid="risk-finding"][data-rule="2"]')).waitForDisplayed({ timeout: 5_000, timeoutMsg: "rule 2's finding" });
    assert.match(await (await evidence.$('[data-testid="evidence-withdrawals"]')).getText(), new RegExp(target.withdrawal.detail.address));
    await screenshot(risk.browser, "approval-evidence");
  } finally {
    await risk.close();
  }

  // The lead, in her own session, approves it from Approvals.
  const lead = await launchApp(freshProfile());
  const $$ = (selector) => lead.browser.$(selector);
  try {
    await signIn(lead, server, OLGA);
    await (await $$('[data-testid="open-approvals"]')).click();
    const item = await $$('[data-testid="approval"]');
    await item.waitForDisplayed({ timeout: 20_000, timeoutMsg: "the request reaches the lead's approvals" });
    assert.match(String(await item.getProperty("textContent")), /Haruto Sato asks: Unfreeze the account/);
    await (await item.$('[data-testid="approval-reason"]')).setValue("Customer confirmed the takeover is over; 2FA reset done");
    await screenshot(lead.browser, "approvals");
    await (await item.$('[data-testid="approve"]')).click();
    const lifted = await eventually(async () => {
      const seen = await api(server, `/v1/customers/${target.customer}/controls`, HARUTO);
      return seen.controls.frozen === null ? seen : null;
    }, "the freeze is lifted once approved");
    const answered = lifted.requests.find((r) => r.action.kind === "unfreeze");
    assert.equal(answered.status, "applied");
    assert.equal(answered.approval.agent_id, 10, "approved by Olga, not the requester");
    assert.ok(lifted.controls.withdrawals_held, "the hold on withdrawals stays");
    assert.ok(lifted.controls.held_withdrawals.some((h) => h.withdrawal_id === target.withdrawal.id), "and the single hold");
  } finally {
    await lead.close();
  }
});

test("a pending withdrawal to a lookalike of the customer's own address is flagged, with its screening and rule 9", async () => {
  // Enough customers that the seed plants address poisoning on some with a fraud claim open.
  const big = await startServer({ tickets: 3000 });
  let app;
  try {
    const truth = JSON.parse(readFileSync(`${big.database}.ground-truth.json`, "utf8"));
    const tickets = await visible(big, "ticket", HARUTO);
    const byCustomer = new Map(tickets.map((t) => [t.customer_id, t]));
    let target = null;
    for (const planted of truth.planted.filter((p) => p.rule === 9 && byCustomer.has(p.customer_id))) {
      const account = await api(big, `/v1/customers/${planted.customer_id}/controls`, HARUTO);
      const waiting = account.pending_withdrawals.find((w) => planted.event_ids.includes(w.id));
      if (waiting) {
        target = { ticket: byCustomer.get(planted.customer_id), withdrawal: waiting };
        break;
      }
    }
    assert.ok(target, "a poisoning victim in the fraud queue has the lookalike withdrawal waiting");
    // The API screens the lookalike itself as the exchange did: clean — the danger is the imitation.
    const { address, network } = target.withdrawal.detail;
    const screened = await api(big, `/v1/address-screenings?network=${network}&address=${address}`, HARUTO);
    assert.equal(screened.screening.rating, "low");

    app = await launchApp(freshProfile());
    const $ = (selector) => app.browser.$(selector);
    await signInAndOpen(app, HARUTO, target.ticket.id, big);
    await (await $('[data-testid="tab-risk"]')).click();
    const warning = await $('[data-testid="poisoning-warning"]');
    await warning.waitForDisplayed({ timeout: 15_000, timeoutMsg: "the lookalike is flagged on the withdrawal" });
    const text = await warning.getText();
    assert.match(text, /^Lookalike address: imitates \S+, which the customer used before/);
    assert.match(text, /came in from it shortly before/, "the dust that baited it is named");
    assert.match(await (await $('[data-testid="withdrawal-screening"]')).getText(), /^Screening low \(Arbiter reference KYT\)/);
    await (await $('[data-testid="risk-finding"][data-rule="9"]')).waitForDisplayed({ timeout: 10_000, timeoutMsg: "rule 9 fired" });
    // Rule 9 offers its stop pre-filled: hold the withdrawals as a scam victim's.
    await (await $('[data-testid="controls-suggestion"][data-rule="9"]')).waitForDisplayed({ timeout: 10_000 });
    await screenshot(app.browser, "address-poisoning");
  } finally {
    await app?.close();
    await big.stop();
  }
});
