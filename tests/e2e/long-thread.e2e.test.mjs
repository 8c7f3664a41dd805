// A dispute thread hundreds of messages long, in the real window: it opens at the newest
// message with the older part behind an "N earlier messages" bar, renders only what is on
// screen, brings older messages as the agent scrolls up (in order, none twice), folds quoted
// history, and takes a second Send pressed while the first is still going.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { api, eventually, freshProfile, gateway, launchApp, openTicket, screenshot, signIn, startServer, visible } from "./harness.mjs";

const COUNT = 400;
let server;
const profile = freshProfile();

before(async () => {
  // The test brings 400 messages in at once: more than a customer's channel would.
  server = await startServer({ args: ["--rate-limit", "100000", "--rate-burst", "100000"] });
});

after(async () => {
  await server?.stop();
});

test("a 400-message thread opens at its newest message, renders what is on screen and scrolls back through all of it", async () => {
  // One of Ava's own active chats gets 400 more customer messages through the gateway; the
  // last one quotes the agent's earlier answer, as a mail client would.
  const ticket = (await visible(server, "ticket")).find(
    (t) => t.channel === "chat" && t.assignee_id === 1 && ["open", "pending", "new"].includes(t.status),
  );
  assert.ok(ticket, "Ava has an active chat");
  const stamp = Date.now();
  for (let i = 1; i < COUNT; i++) await gateway(server, `/tickets/${ticket.id}/messages`, { text: `Long thread ${stamp} · message ${i}` });
  const last = `Still nothing (${stamp}).\n\nOn Monday, Ava Chen wrote:\n> We are looking into it.\n> Ava`;
  await gateway(server, `/tickets/${ticket.id}/messages`, { text: last });
  const detail = await api(server, `/v1/tickets/${ticket.id}`);
  const total = detail.messages.length + detail.notes.length;

  const app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  const messagesShown = async () => (await app.browser.$$('[data-testid="message"]')).length;
  try {
    await signIn(app, server);
    // The ticket is searched for and opened once it has synced whole.
    // (Its newest message is the last of the feed's pages, so finding it means all synced.)
    await (await $('[data-testid="search-input"]')).setValue(`Still nothing ${stamp}`);
    const hit = await $('[data-testid="search-hit"]');
    await hit.waitForExist({ timeout: 30_000, timeoutMsg: "the long thread synced and is found" });
    await (await hit.$("button")).click();
    const conversation = await $('[data-testid="conversation"]');
    await eventually(async () => (await conversation.getAttribute("data-entries")) !== null, "the conversation is shown");

    // The newest message is on screen, its quoted history folded; most of the thread is not
    // rendered, and the rest waits behind the bar.
    await eventually(async () => String(await conversation.getProperty("textContent")).includes(`Still nothing (${stamp}).`), "the newest message shows");
    assert.ok(!String(await conversation.getProperty("textContent")).includes("We are looking into it."), "quoted history is folded");
    const rendered = await messagesShown();
    assert.ok(rendered > 0 && rendered < 60, `only what is on screen is rendered (${rendered} of ${total})`);
    await screenshot(app.browser, "long-thread");

    // Scrolling to the top brings the earlier part, page by page, until the first message.
    await eventually(
      async () => {
        await app.browser.execute(() => {
          const el = document.querySelector('[data-testid="conversation"]');
          el.scrollTop = 0;
        });
        return !(await (await $('[data-testid="earlier-messages"]')).isExisting()) && Number(await conversation.getAttribute("data-entries")) >= total;
      },
      "every earlier message was brought in",
      30_000,
    );
    await eventually(
      async () => String(await conversation.getProperty("textContent")).includes(detail.messages[0].text.slice(0, 40)),
      "the first message of the thread is on screen at the top",
    );
    assert.ok((await messagesShown()) < 60, "still only what is on screen");

    // Two replies sent back to back both go, in order.
    const box = await $('[data-testid="reply-body"]');
    await box.setValue(`First of two (${stamp})`);
    await (await $('[data-testid="send-reply"]')).click();
    await box.setValue(`Second of two (${stamp})`);
    await (await $('[data-testid="send-reply"]')).click();
    assert.equal(await box.getValue(), "", "the second Send was taken");
    const sent = await eventually(async () => {
      const now = await api(server, `/v1/tickets/${ticket.id}`);
      const mine = now.messages.filter((m) => m.text.endsWith(`of two (${stamp})`)).map((m) => m.text);
      return mine.length === 2 ? mine : null;
    }, "both replies reached the server", 30_000);
    assert.deepEqual(sent, [`First of two (${stamp})`, `Second of two (${stamp})`]);
  } finally {
    await app.close();
  }
});

// An email's frame reports its height after the list's first frames; the thread must still
// open at its newest message and stay there while those heights arrive.
const EMAILS = 120;
const quoted = (i, stamp) =>
  `<div dir="ltr">Reply ${i} (${stamp}): the card was charged again, see the statement line.<br><br>CARD PURCHASE 29.99 EUR</div><br>` +
  `<div class="gmail_quote"><div class="gmail_attr">On Mon, Support wrote:</div><blockquote class="gmail_quote">` +
  "We are looking into the payment and will come back to you.<br>".repeat(8) +
  "</blockquote></div>";

test("a long email thread opens scrolled to its newest message and stays there as its frames size themselves", async () => {
  const ticket = (await visible(server, "ticket")).find(
    (t) => t.channel === "email" && t.assignee_id === 1 && ["open", "pending", "new"].includes(t.status),
  );
  assert.ok(ticket, "Ava has an active email ticket");
  const stamp = Date.now();
  for (let i = 1; i <= EMAILS; i++) {
    const text = `Reply ${i} (${stamp}): the card was charged again.`;
    await gateway(server, `/tickets/${ticket.id}/messages`, { text, html: quoted(i, stamp) });
  }
  const app = await launchApp(freshProfile());
  try {
    await signIn(app, server);
    await (await app.browser.$('[data-testid="search-input"]')).setValue(`Reply ${EMAILS} ${stamp}`);
    const hit = await app.browser.$('[data-testid="search-hit"]');
    await hit.waitForExist({ timeout: 30_000, timeoutMsg: "the long email thread synced and is found" });
    await openTicket(app, ticket.id);
    const atEnd = () =>
      app.browser.execute(() => {
        const c = document.querySelector('[data-testid="conversation"]');
        return !!c && c.querySelectorAll('[data-testid="message"]').length > 0 && c.scrollTop + c.clientHeight >= c.scrollHeight - 60;
      });
    await eventually(atEnd, "the thread opened at its end", 5_000);
    // Once every frame on screen has reported its height, it is still at the end.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.ok(await atEnd(), "still at the end after the frames sized themselves");
    const newestShown = await app.browser.execute((needle) => {
      const c = document.querySelector('[data-testid="conversation"]');
      const frames = [...c.querySelectorAll('[data-testid="email-frame"]')];
      const last = frames[frames.length - 1];
      if (!last || !(last.getAttribute("srcdoc") ?? "").includes(needle)) return false;
      const box = last.getBoundingClientRect(), view = c.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    }, `Reply ${EMAILS} (${stamp})`);
    assert.ok(newestShown, "the newest email's frame is on screen");
  } finally {
    await app.close();
  }
});
