// Diagnostics for the company's IT: the log files in the OS's log folder tell a session's
// story without a token, a message or customer data in them; a panic leaves a crash note
// (without the values it quoted), offered once on the next start with the diagnostics text.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { api, DEMO_TOKEN, eventually, freshProfile, launchApp, openTicket, signIn, startServer, visible, waitOnline } from "./harness.mjs";

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** Where Tauri puts this app's logs on Linux: `$XDG_DATA_HOME/<identifier>/logs`. */
const logDir = (profile) => join(profile.data, "dev.arbiter.desk", "logs");

function logText(profile) {
  const dir = logDir(profile);
  const files = readdirSync(dir).filter((n) => n.startsWith("arbiter") && n.endsWith(".log"));
  assert.ok(files.length > 0, `a log file in ${dir}`);
  return files.map((n) => readFileSync(join(dir, n), "utf8")).join("\n");
}

test("the log files tell the session's story with no token, message or customer data in them", async () => {
  const tickets = await visible(server, "ticket");
  const customers = await visible(server, "customer");
  const ticket = tickets.find((t) => t.channel === "email" && t.assignee_id === 1 && ["open", "pending", "new"].includes(t.status));
  const customer = customers.find((c) => c.id === ticket.customer_id);
  const profile = freshProfile();
  const app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  const reply = `A reply that must stay out of the logs ${Date.now()}`;
  try {
    await signIn(app, server);
    await waitOnline(app);
    await openTicket(app, ticket.id);
    await (await $('[data-testid="reply-body"]')).setValue(reply);
    await (await $('[data-testid="send-reply"]')).click();
    await eventually(async () => (await api(server, `/v1/tickets/${ticket.id}`)).messages.some((m) => m.text === reply), "the reply reached the server", 30_000);
    await (await $('[data-testid="search-input"]')).setValue(customer.email);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    await app.close();
  }

  const text = logText(profile);
  assert.match(text, /Arbiter starting/);
  assert.match(text, / INFO /, "the session is told");
  assert.doesNotMatch(text, /\u001b\[/, "plain text, no terminal colours");
  const secrets = [DEMO_TOKEN, reply, ...customers.flatMap((c) => [c.email, c.name]), ...tickets.map((t) => t.subject).filter((s) => s.length > 12)];
  const leaked = secrets.filter((secret) => text.includes(secret));
  assert.deepEqual(leaked, [], "nothing of the agent's or the customers' in the logs");
});

test("a panic leaves a crash note without the values it quoted, offered once on the next start", async () => {
  const profile = freshProfile();
  let app = await launchApp(profile, { env: { ARBITER_TEST_PANIC: "1" } });
  try {
    await signIn(app, server);
    await eventually(() => existsSync(logDir(profile)) && readdirSync(logDir(profile)).some((n) => n.startsWith("crash-")), "the crash note is written", 15_000);
  } finally {
    await app.close();
  }
  const note = readdirSync(logDir(profile)).find((n) => n.startsWith("crash-"));
  const noteText = readFileSync(join(logDir(profile), note), "utf8");
  assert.match(noteText, /stopped on a panic/);
  assert.match(noteText, /Thread: test-panic/);
  assert.match(noteText, /Where: src-tauri[/\\]logging\.rs:\d+:\d+/);
  assert.ok(!noteText.includes("ana.customer@mail.example"), "the quoted value is cut out");
  assert.ok(!logText(profile).includes("ana.customer@mail.example"));

  app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  try {
    await (await $('[data-testid="crash-notice"]')).waitForDisplayed({ timeout: 20_000, timeoutMsg: "the crash is offered" });
    await (await $('[data-testid="crash-diagnostics"]')).click();
    // The dialog may be in the DOM a frame before its text is drawn (getText reads what is rendered).
    let shown = "";
    await eventually(async () => (shown = String(await (await $('[data-testid="diagnostics-text"]')).getText())) !== "", "the diagnostics are shown", 10_000);
    for (const expected of [/Arbiter \d+\.\d+\.\d+ \(Tauri 2\./, /Company API: http:\/\/127\.0\.0\.1/, /Sync: /, /Last crash \(crash-/, /Thread: test-panic/]) {
      assert.match(shown, expected);
    }
    assert.ok(!shown.includes(DEMO_TOKEN) && !shown.includes("ana.customer@mail.example"));
    await (await $('[data-testid="diagnostics-close"]')).click();
    await (await $('[data-testid="crash-dismiss"]')).click();
  } finally {
    await app.close();
  }

  app = await launchApp(profile);
  try {
    await (await app.browser.$('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 20_000 });
    await (await app.browser.$('[data-testid="diagnostics-open"]')).waitForDisplayed({ timeout: 10_000 });
    assert.equal(await (await app.browser.$('[data-testid="crash-notice"]')).isExisting(), false, "offered once");
  } finally {
    await app.close();
  }
});
