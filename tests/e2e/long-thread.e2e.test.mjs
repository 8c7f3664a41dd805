// A dispute thread hundreds of messages long, in the real window: it opens at the newest
// message with the older part behind an "N earlier messages" bar, renders only what is on
// screen, brings older messages as the agent scrolls up (in order, none twice), folds quoted
// history, and takes a second Send pressed while the first is still going.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { api, eventually, freshProfile, gateway, launchApp, screenshot, signIn, startServer, visible } from "./harness.mjs";

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
