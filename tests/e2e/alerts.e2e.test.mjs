// Pre-dispute alerts in the real window: a card network's programme raises a customer
// dispute on a disputes customer's card payment (through the gateway); the agent sees it in
// Alerts with its clock, answers "refunded" after confirming, and the company API has the
// answer, final. A confirmed fraud on a fraud customer's card whose crypto is still in the
// account offers the withdrawal hold in the same screen; the hold reaches the account.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { api, eventually, freshProfile, gateway, launchApp, screenshot, signIn, startServer, visible, waitOnline } from "./harness.mjs";

const AVA = "demo-ava"; // disputes agent, id 1
const HARUTO = "demo-haruto"; // fraud agent
let server;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** A card deposit of a customer `token` sees, with no withdrawal since (the crypto stayed),
 *  on an account whose withdrawals nobody holds yet. */
async function cardDepositKeptIn(token) {
  const events = await visible(server, "activity_event", token);
  const withdrawnSince = (deposit) =>
    events.some((e) => e.customer_id === deposit.customer_id && e.detail.type === "withdrawal" && e.at >= deposit.at && e.detail.status !== "failed");
  const deposits = events.filter((e) => e.detail.type === "deposit" && e.detail.card_last4 && !withdrawnSince(e)).sort((a, b) => b.id - a.id);
  for (const deposit of deposits) {
    const account = await api(server, `/v1/customers/${deposit.customer_id}/controls`, token);
    if (!account.controls.withdrawals_held && !account.controls.frozen) return deposit;
  }
  assert.fail(`${token} sees no card deposit whose crypto stayed on an account not held`);
}

function alertOn(deposit, kind, id) {
  return {
    kind,
    external_id: id,
    network: "visa",
    card_last4: deposit.detail.card_last4,
    amount_minor: 250_000,
    currency: "USD",
    transaction_at: deposit.at,
    issuer_reason: kind === "confirmed_fraud" ? "Card reported lost or stolen" : "Cardholder does not recognise the transaction",
    raised_at: new Date().toISOString(),
  };
}

async function openAlert(app, id) {
  const $ = (selector) => app.browser.$(selector);
  await (await $('[data-testid="open-alerts"]')).click();
  const row = await $(`[data-testid="alert-row"][data-alert="${id}"] [data-testid="alert-select"]`);
  await row.waitForExist({ timeout: 15_000, timeoutMsg: `alert ${id} reaches the queue` });
  await row.click();
  await (await $(`[data-testid="alert-detail"][data-alert="${id}"]`)).waitForDisplayed({ timeout: 10_000 });
}

test("a customer dispute alert is answered refunded in the window, final on the server", async () => {
  const deposit = await cardDepositKeptIn(AVA);
  const alert = await gateway(server, "/dispute-alerts", alertOn(deposit, "customer_dispute", `ETH-E2E-${Date.now()}`));
  assert.equal(alert.status, "open", "2,500 USD is above the policy's auto-refund");
  assert.equal(alert.customer_id, deposit.customer_id);

  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await signIn(app, server, AVA);
    await waitOnline(app);
    await openAlert(app, alert.id);
    const clock = await $(`[data-testid="alert-row"][data-alert="${alert.id}"] [data-testid="alert-clock"]`);
    assert.match(await clock.getText(), /\d/, "the row shows its clock");
    assert.equal(await (await $('[data-testid="alert-crypto"]')).getAttribute("data-state"), "in_account");

    await (await $('[data-testid="alert-outcome"][value="refunded"]')).click();
    await (await $('[data-testid="alert-note"]')).setValue("Refunded to the card; the customer confirmed the purchase was theirs.");
    await (await $('[data-testid="alert-answer"]')).click();
    // Sent answers are final: the window asks first.
    await (await $('[data-testid="alert-confirm"]')).click();
    const answered = await eventually(async () => {
      const seen = await api(server, `/v1/dispute-alerts/${alert.id}`, AVA);
      return seen.status === "answered" ? seen : null;
    }, "the server has the answer");
    assert.equal(answered.answer.outcome, "refunded");
    assert.equal(answered.answer.answered_by, 1);
    assert.equal(answered.answer.refund_usd_cents, 250_000);
    await (await $('[data-testid="alert-final"]')).waitForDisplayed({ timeout: 15_000, timeoutMsg: "the window shows it final" });
    assert.equal(await (await $('[data-testid="alert-answer"]')).isExisting(), false, "no second answer offered");
    await screenshot(app.browser, "alert-answered");
  } finally {
    await app.close();
  }
});

test("a confirmed fraud whose crypto is still in the account offers the withdrawal hold", async () => {
  const deposit = await cardDepositKeptIn(HARUTO);
  const alert = await gateway(server, "/dispute-alerts", alertOn(deposit, "confirmed_fraud", `ETH-E2E-FRAUD-${Date.now()}`));
  assert.equal(alert.queue, "fraud");

  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await signIn(app, server, HARUTO);
    await waitOnline(app);
    await openAlert(app, alert.id);
    const hold = await $('[data-testid="alert-hold"]');
    await hold.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the hold is offered" });
    await hold.click();
    const account = await eventually(async () => {
      const seen = await api(server, `/v1/customers/${deposit.customer_id}/controls`, HARUTO);
      return seen.controls.withdrawals_held ? seen : null;
    }, "the account's withdrawals are held");
    assert.ok(["card_fraud", "risk_decline"].includes(account.controls.withdrawals_held.reason));
    await (await $('[data-testid="alert-held"]')).waitForDisplayed({ timeout: 15_000, timeoutMsg: "the window says held" });
    await screenshot(app.browser, "alert-fraud-held");
  } finally {
    await app.close();
  }
});
