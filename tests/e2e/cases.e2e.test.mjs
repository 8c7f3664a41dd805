// Casework in the real window: a payments agent opens a Visa chargeback case from a
// chargeback ticket, answers its checklist with the customer's own words, represents,
// moves it through the network's stages, closes it won and writes the investigation
// report — and the company API has every step, the audit trail, and the report in its
// document store (read back with pdftotext). Then a 10.4 chargeback that CE 3.0 qualifies
// is answered with its representment packet: built, the letter reviewed and edited,
// submitted; the document store holds the PDF with the hash the desk computed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { apiSend, eventually, freshProfile, launchApp, openTicket, screenshot, signIn, startServer, visible, waitOnline } from "./harness.mjs";

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

test("a 10.4 chargeback that CE 3.0 qualifies is answered with its packet, stored with its hash", async () => {
  // Enough chargebacks for an open, qualifying 10.4 case in the payments queue.
  const big = await startServer({ tickets: 1500 });
  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  const $$ = (selector) => app.browser.$$(selector);
  try {
    const truth = JSON.parse(readFileSync(`${big.database}.ground-truth.json`, "utf8"));
    let target = null;
    for (const planted of truth.card_disputes.filter((p) => p.qualifies && p.reason_code === "10.4")) {
      const c = await apiSend(big, "GET", `/v1/cases/${planted.case_id}`, undefined, { token: PRIYA }).catch(() => null);
      if (c && c.status !== "closed" && c.card.stage === "first_chargeback") {
        target = c;
        break;
      }
    }
    assert.ok(target, "an open qualifying 10.4 chargeback in the payments queue");
    await signIn(app, big, PRIYA);
    await waitOnline(app);
    await openTicket(app, target.ticket_ids[0]);
    await (await $('[data-testid="tab-case"]')).click();

    // At a glance: it qualifies.
    const ce = await $('[data-testid="case-ce"]');
    await ce.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await ce.getAttribute("data-state"), "yes");
    assert.match(String(await (await $('[data-testid="ce-headline"]')).getProperty("textContent")), /Qualifies for Visa Compelling Evidence 3\.0/);

    // Build, review, edit, submit.
    await (await $('[data-testid="packet-build"]')).click();
    const letter = await $('[data-testid="packet-letter"]');
    await letter.waitForDisplayed({ timeout: 15_000 });
    const drafted = String(await letter.getProperty("value"));
    assert.match(drafted, /Visa Compelling Evidence 3\.0/);
    const kinds = await Promise.all(Array.from(await $$('[data-testid="packet-exhibit"]')).map((e) => e.getAttribute("data-kind")));
    assert.deepEqual(kinds.slice(0, 2), ["payment", "three_d_secure"]);
    assert.ok(kinds.includes("prior_payments") && kinds.includes("kyc"), kinds.join());
    assert.equal((await $$('[data-testid="packet-finding"][data-severity="blocks"]')).length, 0, "nothing blocks the drafted letter");
    // A citation the packet lacks blocks sending until it is taken out.
    await letter.addValue(" See Exhibit 42.");
    await (await $('[data-testid="packet-finding"][data-kind="cites_missing_exhibit"]')).waitForDisplayed({ timeout: 10_000 });
    assert.equal(await (await $('[data-testid="packet-submit"]')).getAttribute("disabled"), "true");
    await app.browser.execute((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, letter, `${drafted}\n\nReviewed by Priya Raman.`);
    await app.browser.waitUntil(async () => (await (await $('[data-testid="packet-submit"]')).getAttribute("disabled")) === null, {
      timeout: 10_000,
      timeoutMsg: "the corrected letter may be sent",
    });
    await screenshot(app.browser, "representment-packet");
    await (await $('[data-testid="packet-submit"]')).click();
    await (await $('[data-testid="packet-sent"]')).waitForDisplayed({ timeout: 20_000 });

    const answered = await eventually(async () => {
      const c = await apiSend(big, "GET", `/v1/cases/${target.id}`, undefined, { token: PRIYA });
      return c.status === "awaiting_network" ? c : null;
    }, "the server has the answered case", 20_000);
    assert.equal(answered.card.stage, "pre_arbitration");
    assert.equal(answered.decision, "represent");
    assert.equal(answered.due_at, null, "the response clock stops");
    const packetEvidence = answered.evidence.find((e) => e.title.startsWith("Representment packet"));
    assert.ok(packetEvidence?.checklist.includes("prior_transactions"), JSON.stringify(answered.evidence));

    const documents = await eventually(async () => {
      const docs = (await visible(big, "document", PRIYA)).filter((d) => d.case_id === target.id);
      return docs.length >= 2 ? docs : null;
    }, "the packet reached the document store", 20_000);
    const pdf = documents.find((d) => d.content_type === "application/pdf" && d.name.includes("representment"));
    const json = documents.find((d) => d.content_type === "application/json" && d.name.includes("representment"));
    assert.ok(pdf && json, JSON.stringify(documents));
    const bytes = async (d) =>
      Buffer.from(await (await fetch(`${big.url}/v1/documents/${d.id}/content`, { headers: { Authorization: `Bearer ${PRIYA}` } })).arrayBuffer());
    const pdfBytes = await bytes(pdf);
    assert.equal(createHash("sha256").update(pdfBytes).digest("hex"), pdf.sha256, "the stored PDF has the right hash");
    assert.ok(packetEvidence.description.includes(pdf.sha256));
    const file = join(mkdtempSync(join(tmpdir(), "arbiter-packet-")), "packet.pdf");
    writeFileSync(file, pdfBytes);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const part of ["Cover sheet", "Rebuttal letter", "Reviewed by Priya Raman.", "Exhibit 1 — Payment record", "Earlier undisputed payments with the same card"]) {
      assert.ok(text.includes(part), `${part} is in the stored packet`);
    }
    const body = JSON.parse((await bytes(json)).toString("utf8"));
    assert.equal(body.evidence.uncategorized_file, `arbiter_document:${pdf.sha256}`);
    assert.equal(body.evidence.enhanced_evidence.visa_compelling_evidence_3.prior_undisputed_transactions.length, 2);

    await app.browser.waitUntil(async () => (await (await $('[data-testid="case-urgency"]')).getAttribute("data-urgency")) === "with_network", {
      timeout: 15_000,
      timeoutMsg: "the case shows it is with the network",
    });
    await screenshot(app.browser, "representment-sent");
  } finally {
    await app.close();
    await big.stop();
  }
});
