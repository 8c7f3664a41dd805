// Casework in the real window: a payments agent opens a Visa chargeback case from a
// chargeback ticket, answers its checklist with the customer's own words, represents,
// moves it through the network's stages, closes it won and writes the investigation
// report — and the company API has every step, the audit trail, and the report in its
// document store (read back with pdftotext).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { apiSend, eventually, freshProfile, launchApp, screenshot, signIn, startServer, visible } from "./harness.mjs";

const PRIYA = "demo-priya"; // payments agent: the chargebacks' queue
let server;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** Sets a field's value the way typing would (date inputs take no keys under WebDriver). */
async function fill(browser, element, value) {
  await browser.execute(
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    element,
    value,
  );
}

test("a chargeback ticket becomes a case that is worked through its network stages and closed won", async () => {
  const tickets = await visible(server, "ticket", PRIYA);
  const ticket = tickets.find((t) => t.kind === "card_chargeback" && t.case_id === null && t.queue === "payments");
  assert.ok(ticket, "the demo has a chargeback ticket without a case");

  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await signIn(app, server, PRIYA);
    await app.browser.waitUntil(async () => (await (await $('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
      timeout: 30_000,
    });
    await (await $('[data-testid="view-chargebacks"]')).click();
    const row = await $(`[data-testid="ticket-row"][data-ticket-id="${ticket.id}"] button`);
    await row.waitForExist({ timeout: 10_000 });
    await row.click();
    await (await $('[data-testid="tab-case"]')).click();

    // Open the case: Visa 13.1, filed three days ago.
    await (await $('[data-testid="case-amount"]')).setValue("1250");
    await (await $('[data-testid="case-currency"]')).selectByAttribute("value", "EUR");
    await (await $('[data-testid="case-code"]')).selectByAttribute("value", "13.1");
    await (await $('[data-testid="case-last4"]')).setValue("4242");
    await fill(app.browser, await $('[data-testid="case-transaction-date"]'), "2026-10-20");
    const filed = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await fill(app.browser, await $('[data-testid="case-filed"]'), filed);
    await (await $('[data-testid="case-summary"]')).setValue("The cardholder says the BTC bought by card never arrived.");
    await (await $('[data-testid="case-create"]')).click();
    const title = await $('[data-testid="case-title"]');
    await title.waitForDisplayed({ timeout: 20_000, timeoutMsg: "the case is open on the ticket" });
    const caseId = Number(String(await title.getProperty("textContent")).match(/Case (\d+)/)[1]);
    assert.equal(await (await $('[data-testid="case-urgency"]')).getAttribute("data-urgency"), "on_track");

    // The customer's own words answer "customer communication".
    const item = await $('[data-testid="checklist-item"][data-key="customer_communication"]');
    await (await item.$('[data-testid="checklist-add"]')).click();
    await (await $('[data-testid="evidence-message"]')).selectByIndex(1);
    await (await $('[data-testid="evidence-save"]')).click();
    await app.browser.waitUntil(
      async () => String(await (await $('[data-testid="checklist-item"][data-key="customer_communication"]')).getProperty("textContent")).includes("1 piece of evidence"),
      { timeout: 15_000, timeoutMsg: "the checklist item is answered" },
    );

    // Represent, respond (representment), then won and closed.
    await (await $('[data-testid="case-decide-represent"]')).click();
    await (await $('[data-testid="case-move"][data-stage="representment"]')).click();
    await app.browser.waitUntil(
      async () => (await (await $('[data-testid="case-stages"] [aria-current="step"]')).getProperty("textContent")).trim() === "Representment",
      { timeout: 10_000 },
    );
    await eventually(async () => {
      const c = await apiSend(server, "GET", `/v1/cases/${caseId}`, undefined, { token: PRIYA });
      return c.card.stage === "representment" && c.decision === "represent";
    }, "the server has the representment");
    await screenshot(app.browser, "case");
    await (await $('[data-testid="case-outcome"]')).selectByAttribute("value", "represented_won");
    await (await $('[data-testid="case-recovered"]')).setValue("1358.70");
    await (await $('[data-testid="case-close"]')).click();
    await (await $('[data-testid="case-outcome-shown"]')).waitForDisplayed({ timeout: 15_000 });

    const closed = await eventually(async () => {
      const c = await apiSend(server, "GET", `/v1/cases/${caseId}`, undefined, { token: PRIYA });
      return c.status === "closed" ? c : null;
    }, "the server has the closed case");
    assert.equal(closed.outcome, "represented_won");
    assert.equal(closed.card.stage, "won");
    assert.equal(closed.recovered_usd_cents, 135870);
    assert.deepEqual(closed.evidence.map((e) => e.checklist), [["customer_communication"]]);
    assert.deepEqual(closed.ticket_ids, [ticket.id]);
    const events = await apiSend(server, "GET", `/v1/cases/${caseId}/events`, undefined, { token: PRIYA });
    assert.deepEqual(
      events.map((e) => e.action),
      ["created", "evidence_added", "decided", "stage_changed", "outcome_recorded"],
    );
    assert.ok(events.every((e) => e.actor_name === "Priya Raman"));

    // The report: written from the window, stored in the company's document store.
    const analysis = await $('[data-testid="report-analysis"]');
    await analysis.waitForDisplayed({ timeout: 5_000 });
    assert.match(String(await analysis.getProperty("value")), /Outcome: Represented: won\./, "the draft states the outcome");
    await analysis.setValue("The BTC was credited to the customer's account two minutes after the card payment; the cardholder's own message confirms the purchase.");
    await (await $('[data-testid="report-write"]')).click();
    await app.browser.waitUntil(
      async () => String(await (await $('[data-testid="case-documents"]')).getProperty("textContent")).includes("In the document store"),
      { timeout: 20_000, timeoutMsg: "the report reached the document store" },
    );
    const documents = (await visible(server, "document", PRIYA)).filter((d) => d.case_id === caseId);
    const pdf = documents.find((d) => d.content_type === "application/pdf");
    assert.ok(pdf && documents.some((d) => d.content_type === "text/markdown"), JSON.stringify(documents));
    const response = await fetch(`${server.url}/v1/documents/${pdf.id}/content`, { headers: { Authorization: `Bearer ${PRIYA}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), "arbiter-report-")), "report.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const part of [`Investigation report — Case ${caseId}`, "Case facts", "Timeline", "Evidence", "Analysis", "Decision", "Outcome", "Investigator", "Priya Raman", "represented won", "two minutes after the card payment"]) {
      assert.ok(text.includes(part), `${part} is in the stored report`);
    }
    await screenshot(app.browser, "case-report");

    // Loss analytics count the won case among this month's and Visa 13.1's figures.
    await (await $('[data-testid="open-analytics"]')).click();
    const recovered = await $('[data-testid="total-recovered"]');
    await recovered.waitForDisplayed({ timeout: 10_000 });
    const rowsOf = async (id) =>
      Promise.all(Array.from(await $(`[data-testid="table-${id}"]`).$$("tbody tr")).map(async (r) => String(await r.getProperty("textContent"))));
    const month = new Date().toISOString().slice(0, 7);
    assert.ok((await rowsOf("month")).some((t) => t.startsWith(month)), "this month is in the chart");
    assert.ok((await rowsOf("reason")).some((t) => t.startsWith("Visa 13.1 · Merchandise or services not received")), "its reason code too");
    // ECharts loads with the first chart shown, so the drawing follows the tables by a moment.
    await (await $('[data-testid="chart-reason"] svg')).waitForDisplayed({ timeout: 10_000, timeoutMsg: "the charts are drawn" });
    await screenshot(app.browser, "loss-analytics");
  } finally {
    await app.close();
  }
});
