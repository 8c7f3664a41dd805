// Stopping the loss in the real window: a fraud agent opens a planted account takeover whose
// withdrawal still waits out its lock, asks for the risk tab's pre-filled stop (hold
// withdrawals, revoke sessions, force a reset), holds the pending withdrawal itself, freezes
// the account and asks to lift the freeze, which needs a second person; the team lead, in
// her own session, finds it in Approvals and approves; the server shows it all, audited.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { api, eventually, freshProfile, launchApp, screenshot, signIn, startServer, visible } from "./harness.mjs";

const HARUTO = "demo-haruto"; // fraud agent
const OLGA = "demo-olga"; // fraud team lead
let server;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

async function openTicket(app, token, ticketId) {
  const $ = (selector) => app.browser.$(selector);
  await signIn(app, server, token);
  await app.browser.waitUntil(async () => (await (await $('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
    timeout: 30_000,
  });
  await (await $('[data-testid="search-input"]')).setValue(`#${ticketId}`);
  const hit = await $('[data-testid="search-hit"] button');
  await hit.waitForExist({ timeout: 10_000 });
  await hit.click();
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
    await openTicket(app, HARUTO, target.ticket.id);
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
