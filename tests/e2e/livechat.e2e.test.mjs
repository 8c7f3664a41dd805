// A real customer and a real agent: the customer in Debian's Chromium (playwright-core) on
// the company's page with the chat widget, the agent in the real desk window (tauri-driver).
// The chat is routed to the online agent who speaks the customer's language, both sides see
// each other typing and writing live, the customer reloads mid-chat and loses nothing, the
// agent ends it, the customer rates it, and the rating reaches the desk. The widget is used by
// keyboard only and passes an accessibility scan (axe-core, WCAG 2.1 AA).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../browser/harness.mjs";
import { apiSend, eventually, freshProfile, launchApp, screenshot, signIn, startServer } from "./harness.mjs";

const AVA = 1; // disputes, speaks en and zh: the only one of the queue who speaks Chinese
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--lang=zh-CN"] });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Ava is at her desk with room for chats (her capacity a supervisor set in the policy). */
async function avaTakesChats() {
  await apiSend(server, "PUT", "/v1/me/presence", { presence: "online" }, { headers: { "Idempotency-Key": `e2e-online-${Date.now()}` } });
  const policy = await apiSend(server, "GET", "/v1/policies", undefined, { token: "demo-marcus" });
  const routing = { ...policy.routing, agents: [{ agent_id: AVA, capacity: { chat: 50, email: 10 }, topics: [] }] };
  await apiSend(
    server,
    "PUT",
    "/v1/policies",
    { sla: policy.sla, escalation: policy.escalation, risk: policy.risk, routing },
    { token: "demo-marcus", headers: { "If-Match": String(policy.version), "Idempotency-Key": `e2e-routing-${Date.now()}` } },
  );
}

test("a customer's chat reaches the agent who speaks their language; typing, messages, a reload, the end and the rating all arrive", async () => {
  await avaTakesChats();
  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  const text = async (selector) => String(await (await $(selector)).getProperty("textContent"));
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await signIn(app, server);

    // The customer, on the company's page, by keyboard only: the launcher, then the form.
    await page.goto(`${server.url}/widget/demo`);
    const launcher = page.locator("#arbiter-chat .launcher");
    await launcher.waitFor();
    await launcher.focus();
    await page.keyboard.press("Enter");
    const chat = page.frameLocator("#arbiter-chat-frame");
    await chat.locator("#name").waitFor();
    await eventually(async () => (await chat.locator("#title").textContent()) === "联系客服", "the widget speaks the browser's language");
    assert.deepEqual(await axeProblems(page), [], "the pre-chat form");
    await chat.locator("#name").focus();
    await page.keyboard.type("王芳 <b>Wang</b>");
    await page.keyboard.press("Tab");
    await page.keyboard.type("wang.fang@mail.example");
    await page.keyboard.press("Tab"); // language: preset from the browser
    assert.equal(await chat.locator("#language").inputValue(), "zh");
    await page.keyboard.press("Tab");
    await chat.locator("#topic").selectOption("trade"); // a select, chosen by keyboard in a real browser as well
    await chat.locator("#topic").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await chat.locator("#text").waitFor();

    // The router offers it to Ava (the only Chinese speaker of disputes); she accepts.
    const offer = await $('[data-testid="chat-offer"]');
    await offer.waitForExist({ timeout: 15_000, timeoutMsg: "no offer reached the desk" });
    assert.match(await text('[data-testid="chat-offer"]'), /王芳/);
    await screenshot(app.browser, "chat-offer");
    await (await $('[data-testid="offer-accept"]')).click();
    await eventually(async () => (await text('[data-testid="ticket-subject"]')) === "Live chat: trade", "the chat opens in the desk");
    await eventually(async () => (await chat.locator("#status").textContent()).includes("Ava Chen"), "the customer sees Ava join");
    assert.match(await text('[data-testid="routed-reason"]'), /speaks zh/);

    // The customer types: the desk shows it; then writes: it arrives once.
    const stamp = Date.now();
    await chat.locator("#text").focus();
    await page.keyboard.type("我的提现");
    await (await $('[data-testid="customer-typing"]')).waitForExist({ timeout: 5_000, timeoutMsg: "the customer's typing did not show" });
    await page.keyboard.press("Control+a");
    const question = `我的提现卡住了 <script>alert(1)</script> (${stamp})`;
    await page.keyboard.type(question);
    await page.keyboard.press("Enter");
    await eventually(async () => (await text('[data-testid="conversation"]')).includes(question), "the customer's message reaches the desk");

    // Ava types: the widget shows it; then answers: it arrives in the widget, as text.
    await (await $('[data-testid="reply-body"]')).setValue("我们");
    await eventually(async () => (await chat.locator("#typing").textContent()).includes("Ava Chen"), "the agent's typing shows in the widget");
    const answer = `您好，我们正在查看 (${stamp})`;
    await (await $('[data-testid="reply-body"]')).setValue(answer);
    await (await $('[data-testid="send-reply"]')).click();
    await chat.locator(".msg.agent .text", { hasText: answer }).waitFor({ timeout: 5_000 });
    assert.equal(await chat.locator(".msg script").count(), 0, "the customer's markup is text, not markup");
    await eventually(async () => (await chat.locator(".read-mark").last().textContent()) === "已读", "the customer sees the message read");

    // A reload mid-chat: everything is there, once.
    await page.reload();
    const again = page.frameLocator("#arbiter-chat-frame");
    await page.locator("#arbiter-chat .launcher").click();
    await again.locator(".msg.agent .text", { hasText: answer }).waitFor();
    assert.equal(await again.locator(".msg.customer .text", { hasText: question }).count(), 1);
    assert.equal(await again.locator(".msg.agent .text", { hasText: answer }).count(), 1);

    assert.deepEqual(await axeProblems(page), [], "the chat");

    // Ava ends the chat (solved); the customer rates it; the rating reaches the desk.
    await (await $('[data-testid="prop-status"]')).selectByAttribute("value", "solved");
    await again.locator("#rating").waitFor({ timeout: 10_000 });
    await again.locator('#stars input[value="5"]').focus();
    await page.keyboard.press("Space");
    await again.locator("#comment").fill("很快就解决了，谢谢！");
    await again.locator("#rating button[type=submit]").focus();
    await page.keyboard.press("Enter");
    await again.locator("#thanks").waitFor();
    await eventually(async () => (await text('[data-testid="csat"]')).includes("很快就解决了"), "the rating shows on the ticket");
    await screenshot(app.browser, "chat-rated");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await app.close();
  }
});

/** axe-core's WCAG 2.1 AA findings on the page and the widget's frame. axe is evaluated
 * through the browser's debugging protocol, which the frame's script policy does not govern,
 * so the policy stays on for the test. */
async function axeProblems(page) {
  const frame = page.frames().find((f) => f.url().includes("/widget/chat"));
  const problems = [];
  for (const target of [page, frame]) {
    await target.evaluate(AXE);
    const found = await target.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    problems.push(...found);
  }
  return problems;
}
