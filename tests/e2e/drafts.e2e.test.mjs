// Drafts in the real window: a supervisor half-writes a case's report and the shift's
// handover, closes the app, and finds both again on the next start — while no file of the
// app's profile (settings, the encrypted cache, WebKit's own web storage) holds either text,
// or the token, in the clear.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { filesContaining, freshProfile, launchApp, signIn, startServer, visible } from "./harness.mjs";

const MARCUS = "demo-marcus"; // disputes supervisor: sees the queue's cases and writes its handovers
const REPORT = "Draft-only analysis: the cardholder's 3DS challenge passed on a known device.";
const HANDOVER = "Draft-only handover: two Visa 10.4 representments due Friday, call back Mr Okafor.";

let server;
const profile = freshProfile();

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** Opens a ticket by its number through search, and waits for it to show. */
async function openTicket(app, ticket) {
  const $ = (selector) => app.browser.$(selector);
  await (await $('[data-testid="search-input"]')).setValue(`#${ticket.id}`);
  const hit = await $('[data-testid="search-hit"]');
  await hit.waitForDisplayed({ timeout: 10_000 });
  await (await hit.$("button")).click();
  await app.browser.waitUntil(
    async () => (await (await $('[data-testid="ticket-subject"]')).getProperty("textContent")) === ticket.subject,
    { timeout: 10_000, timeoutMsg: `ticket #${ticket.id} did not open` },
  );
}

async function waitForValue(app, selector, expected, what) {
  await app.browser.waitUntil(async () => (await (await app.browser.$(selector)).getProperty("value")) === expected, {
    timeout: 10_000,
    timeoutMsg: what,
  });
}

test("report and handover drafts come back after a restart and are nowhere on disk in clear text", async () => {
  const tickets = await visible(server, "ticket", MARCUS);
  const withCase = tickets.find((t) => t.case_id !== null && t.queue === "disputes" && t.status !== "closed");
  assert.ok(withCase, "the demo has an open disputes ticket with a case");

  let app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  try {
    await signIn(app, server, MARCUS);
    await app.browser.waitUntil(async () => (await (await $('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
      timeout: 30_000,
    });
    await openTicket(app, withCase);
    await (await $('[data-testid="tab-case"]')).click();
    const analysis = await $('[data-testid="report-analysis"]');
    await analysis.waitForDisplayed({ timeout: 10_000 });
    await analysis.setValue(REPORT);

    await (await $('[data-testid="open-handover"]')).click();
    const summary = await $('[data-testid="handover-summary"]');
    await summary.waitForDisplayed({ timeout: 10_000 });
    await summary.setValue(HANDOVER);
    // Drafts are saved when typing stops.
    await new Promise((done) => setTimeout(done, 1_500));
  } finally {
    await app.close();
  }

  for (const secret of [REPORT, HANDOVER, MARCUS]) {
    assert.deepEqual(filesContaining(profile.home, secret), [], `${secret.slice(0, 24)}… is in no file in the clear`);
  }

  // The next start brings both back from the encrypted cache.
  app = await launchApp(profile);
  try {
    const $$ = (selector) => app.browser.$(selector);
    await (await $$('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 20_000 });
    await (await $$('[data-testid="open-handover"]')).click();
    await waitForValue(app, '[data-testid="handover-summary"]', HANDOVER, "the handover draft did not come back");
    await (await $$('[data-testid="view-all"]')).click();
    await openTicket(app, withCase);
    await (await $$('[data-testid="tab-case"]')).click();
    await waitForValue(app, '[data-testid="report-analysis"]', REPORT, "the report draft did not come back");
  } finally {
    await app.close();
  }
});
