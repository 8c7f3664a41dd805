// Live chat between the real customer's browser and the real desk window (figures for
// docs/PERFORMANCE.md): customer sends → the agent's window shows it, and agent sends → the
// customer's widget shows it. Both programs run on this machine, so one clock times both
// ends: the sending side notes Date.now() as it submits, a MutationObserver on the receiving
// side notes Date.now() when the text is on the page.
// Not a test: a benchmark. Run it in a desktop session with a keyring, e.g.
//   scripts/bench-window.sh live-chat            (ARBITER_RELEASE=1 for a release build)
import { chromium } from "playwright-core";
import { CHROMIUM } from "../browser/harness.mjs";
import { apiSend, freshProfile, launchApp, signIn, startServer } from "../e2e/harness.mjs";

const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 30);

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
const app = await launchApp(freshProfile());
try {
  await signIn(app, server);
  // Ava speaks Chinese; room for the chat.
  const policy = await apiSend(server, "GET", "/v1/policies", undefined, { token: "demo-marcus" });
  const routing = { ...policy.routing, agents: [{ agent_id: 1, capacity: { chat: 50, email: 10 }, topics: [] }] };
  await apiSend(server, "PUT", "/v1/policies", { sla: policy.sla, escalation: policy.escalation, risk: policy.risk, routing }, {
    token: "demo-marcus",
    headers: { "If-Match": String(policy.version), "Idempotency-Key": `bench-routing-${Date.now()}` },
  });
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.goto(`${server.url}/widget/demo`);
  await page.locator("#arbiter-chat .launcher").click();
  const chat = page.frameLocator("#arbiter-chat-frame");
  await chat.locator("#name").fill("Bench Customer");
  await chat.locator("#email").fill("bench@mail.example");
  await chat.locator("#topic").selectOption("trade");
  await chat.locator("#prechat-form button[type=submit]").click();
  await chat.locator("#text").waitFor();
  const accept = await app.browser.$('[data-testid="offer-accept"]');
  await accept.waitForExist({ timeout: 20_000 });
  await accept.click();
  await app.browser.waitUntil(async () => (await app.browser.$('[data-testid="reply-body"]')).isExisting(), { timeout: 10_000 });
  const frame = page.frames().find((f) => f.url().includes("/widget/chat"));

  // Arrival clocks on both sides.
  await app.browser.execute(() => {
    window.__arrived = {};
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="conversation"]')?.textContent ?? "";
      for (const m of text.matchAll(/bench-c-(\d+)/g)) window.__arrived[m[1]] ??= Date.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await frame.evaluate(() => {
    window.__arrived = {};
    new MutationObserver(() => {
      for (const m of document.getElementById("log").textContent.matchAll(/bench-a-(\d+)/g)) window.__arrived[m[1]] ??= Date.now();
    }).observe(document.getElementById("log"), { subtree: true, childList: true, characterData: true });
  });

  const toAgent = [];
  const toCustomer = [];
  for (let i = 0; i < SAMPLES; i++) {
    const sent = await frame.evaluate((n) => {
      document.getElementById("text").value = `bench-c-${n}`;
      const at = Date.now();
      document.getElementById("composer").requestSubmit();
      return at;
    }, i);
    let seen;
    while (!(seen = await app.browser.execute((n) => window.__arrived[n], String(i)))) await new Promise((r) => setTimeout(r, 10));
    toAgent.push(seen - sent);

    const box = await app.browser.$('[data-testid="reply-body"]');
    await box.setValue(`bench-a-${i}`);
    const sentAt = await app.browser.execute(() => {
      const at = Date.now();
      document.querySelector('[data-testid="send-reply"]').click();
      return at;
    });
    let got;
    while (!(got = await frame.evaluate((n) => window.__arrived[n], String(i)))) await new Promise((r) => setTimeout(r, 10));
    toCustomer.push(got - sentAt);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    JSON.stringify(
      {
        app: process.env.ARBITER_APP ?? "debug",
        "customer sends → the agent's window shows it (ms)": stats(toAgent),
        "agent sends → the customer's widget shows it (ms)": stats(toCustomer),
      },
      null,
      2,
    ),
  );
} finally {
  await app.close();
  await browser.close();
  await server.stop();
}
