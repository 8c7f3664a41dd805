// The golden paths end to end, in the real app window: sign in, open a ticket, reply, and
// check through the company API that the server stored the reply once; search; an email in
// its sandboxed frame; then restart the app with the server down, find the cached inbox at
// once, reply offline, bring the server back and see the reply delivered exactly once.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { api, DEMO_TOKEN, filesContaining, freshProfile, launchApp, screenshot, startServer } from "./harness.mjs";

let server;
const profile = freshProfile();

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test("an agent signs in, opens a ticket and replies; the server stores the reply once", async () => {
  const app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  try {
    const url = await $('[data-testid="server-url"]');
    await url.waitForDisplayed({ timeout: 20_000 });
    await url.clearValue();
    await url.setValue(server.url);
    await (await $('[data-testid="token"]')).setValue(DEMO_TOKEN);
    await (await $('[data-testid="sign-in"]')).click();

    const agent = await $('[data-testid="agent-name"]');
    await agent.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await agent.getText(), "Ava Chen");

    // "My open tickets" fills from the first sync.
    const firstRow = await $('[data-testid="ticket-row"]');
    await firstRow.waitForExist({ timeout: 15_000 });
    const ticketId = Number(await firstRow.getAttribute("data-ticket-id"));
    await (await firstRow.$("button")).click();

    const subject = await $('[data-testid="ticket-subject"]');
    await subject.waitForDisplayed({ timeout: 5_000 });
    const detail = await api(server, `/v1/tickets/${ticketId}`);
    await app.browser.waitUntil(async () => (await subject.getProperty("textContent")) === detail.ticket.subject, {
      timeout: 5_000,
      timeoutMsg: `the ticket view does not show "${detail.ticket.subject}"`,
    });
    await screenshot(app.browser, "ticket");
    // Every message and note is in the conversation (rows off screen are not rendered).
    const entries = Number(await (await $('[data-testid="conversation"]')).getAttribute("data-entries"));
    assert.equal(entries, detail.messages.length + detail.notes.length, "every message of the conversation is there");

    const stamp = String(Date.now());
    const reply = `Thanks for your patience — we traced the payment (e2e ${stamp}).`;
    await (await $('[data-testid="reply-body"]')).setValue(reply);
    await (await $('[data-testid="send-reply"]')).click();

    // It shows at once in the conversation (an email reply's HTML is in a frame of its own,
    // and only rows on screen are drawn, so count the conversation's entries rather than read
    // their text or count the drawn rows).
    await app.browser.waitUntil(
      async () =>
        Number(await (await $('[data-testid="conversation"]')).getAttribute("data-entries")) > entries ||
        String(await (await $('[data-testid="conversation"]')).getProperty("textContent")).includes(reply),
      // (5 s of it is the window to undo a sent reply, before it is queued.)
      { timeout: 15_000, timeoutMsg: "the sent reply did not appear in the conversation" },
    ).catch(async (e) => {
      // What the screen held, to tell a slow queue from a row not drawn.
      console.log("reply not shown:", JSON.stringify(await app.browser.execute(() => ({
        entries: document.querySelector('[data-testid="conversation"]')?.getAttribute("data-entries"),
        unsent: document.querySelectorAll('[data-testid="unsent-message"]').length,
        undo: document.querySelector('[data-testid="undo-send"]')?.textContent,
        err: document.querySelector('[data-testid="reply-error"]')?.textContent,
        box: document.querySelector('[data-testid="reply-body"]')?.value,
        subject: document.querySelector('[data-testid="ticket-subject"]')?.textContent,
        scroll: (() => { const c = document.querySelector('[data-testid="conversation"]'); return [c.scrollTop, c.clientHeight, c.scrollHeight]; })(),
      }))));
      throw e;
    });
    assert.equal(await (await $('[data-testid="reply-body"]')).getValue(), "", "the box is cleared after sending");

    // The reply went through the outbox; wait for the server to have it.
    let stored = [];
    for (let i = 0; i < 50 && stored.length === 0; i++) {
      stored = (await api(server, `/v1/tickets/${ticketId}`)).messages.filter((m) => m.text === reply);
      if (stored.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(stored.length, 1, "the server stored the reply exactly once");
    await app.browser.waitUntil(async () => (await app.browser.$$('[data-testid="unsent-message"]')).length === 0, {
      timeout: 10_000,
      timeoutMsg: "the sent reply still shows as unsent",
    });
    assert.equal(stored[0].author_name, "Ava Chen");
    assert.equal(stored[0].author_kind, "agent");

    // The stored reply is found by the local search (FTS5 in the encrypted cache), and the
    // hit opens its ticket.
    await (await $('[data-testid="search-input"]')).setValue(stamp);
    const hit = await $('[data-testid="search-hit"]');
    await hit.waitForDisplayed({ timeout: 5_000, timeoutMsg: `searching for ${stamp} found nothing` });
    assert.match(await hit.getText(), new RegExp(stamp));
    await screenshot(app.browser, "search");
    await (await hit.$("button")).click();
    await app.browser.waitUntil(
      async () =>
        (await (await $('[data-testid="ticket-subject"]')).getProperty("textContent")) === detail.ticket.subject,
      { timeout: 5_000, timeoutMsg: "the search hit did not open its ticket" },
    );

    // An email's HTML shows in a frame that runs no script; the frame gets the email's text.
    let email = null;
    for (let after = 0; !email; ) {
      const page = await api(server, `/v1/changes?after=${after}&limit=5000`);
      email = page.changes.map((c) => c.entity).find((e) => e.kind === "message" && e.data.html)?.data;
      if (!page.has_more) break;
      after = page.next_cursor;
    }
    assert.ok(email, "the demo data has an email with HTML");
    await (await $('[data-testid="search-input"]')).setValue(`#${email.ticket_id}`);
    const ticketHit = await $(`[data-testid="search-hit"]`);
    await ticketHit.waitForDisplayed({ timeout: 5_000 });
    await (await ticketHit.$("button")).click();
    // The frame must be this ticket's: the one opened before may still be on screen for a moment.
    const emailTicket = await api(server, `/v1/tickets/${email.ticket_id}`);
    await app.browser.waitUntil(
      async () =>
        (await (await $('[data-testid="ticket-subject"]')).getProperty("textContent")) === emailTicket.ticket.subject,
      { timeout: 5_000, timeoutMsg: "the email's ticket did not open" },
    );
    const frame = await $('[data-testid="email-frame"]');
    await frame.waitForExist({ timeout: 5_000, timeoutMsg: "no email frame was shown" });
    assert.equal(await frame.getAttribute("sandbox"), "allow-scripts", "an origin of its own, no popups, no forms");
    await screenshot(app.browser, "email");
    await app.browser.switchFrame(frame);
    // The first frame is the oldest email shown whole: the newest three HTML emails are open,
    // older ones folded to a line.
    const first = emailTicket.messages.filter((m) => m.html).slice(-3)[0];
    const words = first.text.split(/\s+/).find((w) => w.length >= 4) ?? first.text.trim().slice(0, 4);
    // textContent, not getText: the frame may be scrolled out of view.
    await app.browser.waitUntil(async () => String(await (await app.browser.$("body")).getProperty("textContent")).includes(words), {
      timeout: 5_000,
      timeoutMsg: `the email frame does not show "${words}"`,
    });
    await app.browser.switchFrame(null);
  } finally {
    await app.close();
  }

  // The token went to the keyring, not to any file the app wrote.
  assert.deepEqual(filesContaining(profile.home, DEMO_TOKEN), []);
  const keyring = execFileSync("secret-tool", ["lookup", "service", "dev.arbiter.desk", "username", server.url]);
  assert.equal(keyring.toString().trim(), DEMO_TOKEN);
});

test("with the server down the app opens on the cached inbox at once, and a reply written offline is delivered once after reconnecting", async () => {
  await server.stop();
  const app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  try {
    const started = Date.now();
    const row = await $('[data-testid="ticket-row"]');
    await row.waitForExist({ timeout: 20_000 });
    const rows = await app.browser.$$('[data-testid="ticket-row"]');
    assert.ok(rows.length > 0);
    console.log(`cached inbox shown ${Date.now() - started} ms after the window answered`);

    const status = await $('[data-testid="sync-status"]');
    await app.browser.waitUntil(async () => (await status.getAttribute("data-state")) === "offline", {
      timeout: 15_000,
      timeoutMsg: "the desk did not report that it is offline",
    });

    // The conversation is readable offline, too.
    await (await row.$("button")).click();
    await (await $('[data-testid="ticket-subject"]')).waitForDisplayed({ timeout: 5_000 });
    const ticketId = Number(await row.getAttribute("data-ticket-id"));

    // A reply written offline waits in the outbox, shown as not sent yet…
    const reply = `Written offline ${Date.now()}`;
    await (await $('[data-testid="reply-body"]')).setValue(reply);
    await (await $('[data-testid="send-reply"]')).click();
    await (await $('[data-testid="send-now"]')).click();
    const unsent = await $('[data-testid="unsent-message"]');
    await unsent.waitForExist({ timeout: 5_000, timeoutMsg: "the offline reply is not shown as unsent" });
    // Queuing wakes the sync loop, which may be trying (and failing) to send it right now:
    // "sending" for a moment, then back to waiting.
    await app.browser.waitUntil(async () => (await unsent.getAttribute("data-state")) === "pending", {
      timeout: 10_000,
      timeoutMsg: "the offline reply does not wait as pending",
    });
    await (await $('[data-testid="outbox-pending"]')).waitForExist({ timeout: 10_000 });

    // …and goes out once the server is back (same address, same data).
    server = await startServer({ database: server.database, listen: new URL(server.url).host });
    // Skip the back-off wait, unless the desk already reconnected by itself.
    const retry = await $('[data-testid="sync-now"]');
    if (await retry.isExisting()) await retry.click().catch(() => {});
    await app.browser.waitUntil(async () => (await app.browser.$$('[data-testid="unsent-message"]')).length === 0, {
      timeout: 30_000,
      timeoutMsg: "the offline reply was not delivered after reconnecting",
    });
    const stored = (await api(server, `/v1/tickets/${ticketId}`)).messages.filter((m) => m.text === reply);
    assert.equal(stored.length, 1, "delivered exactly once");
    await app.browser.waitUntil(async () => (await status.getAttribute("data-state")) === "online", {
      timeout: 15_000,
      timeoutMsg: "the desk did not come back online",
    });
  } finally {
    await app.close();
  }
});
