// The app as IT installs it: the binary the .deb put in /usr/bin (release build, UI embedded,
// production CSP), run in the real window against the reference server. scripts/test.sh
// installs the package, runs this with ARBITER_APP=/usr/bin/arbiter, and removes it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { api, APP, eventually, freshProfile, launchApp, openTicket, signIn, startServer, visible } from "../e2e/harness.mjs";

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test("the installed package puts the app, its desktop entry and its icons where the desktop finds them", () => {
  assert.ok(APP.startsWith("/usr/"), `the test runs the installed binary (ARBITER_APP=${APP})`);
  assert.ok(existsSync(APP), `${APP} is installed`);
  const entry = readFileSync("/usr/share/applications/Arbiter.desktop", "utf8");
  assert.match(entry, /^Exec=arbiter %u$/m, "the desktop entry starts the installed binary with the link it is given");
  assert.match(entry, /^MimeType=x-scheme-handler\/arbiter;$/m, "it handles arbiter:// links");
  assert.match(entry, /^Categories=Office;$/m);
  const handler = execFileSync("xdg-mime", ["query", "default", "x-scheme-handler/arbiter"], { encoding: "utf8" }).trim();
  assert.equal(handler, "Arbiter.desktop", "the desktop knows Arbiter opens arbiter:// links");
  assert.ok(existsSync("/usr/share/icons/hicolor/128x128/apps/arbiter.png"), "the icon is installed");
});

test("the installed app signs in, opens a ticket and sends a reply, with the production content policy", async () => {
  const ticket = (await visible(server, "ticket")).find(
    (t) => t.channel === "email" && t.assignee_id === 1 && ["open", "pending", "new"].includes(t.status),
  );
  assert.ok(ticket, "Ava has an active email ticket");
  const app = await launchApp(freshProfile());
  const $ = (selector) => app.browser.$(selector);
  try {
    await signIn(app, server);
    await openTicket(app, ticket.id);
    await (await $('[data-testid="ticket-header"]')).waitForDisplayed({ timeout: 10_000 });

    // The UI is the embedded production build: an inline script injected into the page does
    // not run (script-src 'self' and the one hashed boot script).
    const inlineRan = await app.browser.execute(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      document.head.append(script);
      return window.__inlineRan === true;
    });
    assert.equal(inlineRan, false, "the production CSP blocks inline scripts");
    assert.ok(!(await app.browser.getUrl()).startsWith("http://localhost:5173"), "the UI is embedded, not the dev server's");

    // A link clicked elsewhere (the desktop's opener, as a browser or mail client calls it)
    // reaches this window through a second launch of the installed app.
    const other = (await visible(server, "ticket")).find((t) => t.id !== ticket.id);
    execFileSync("xdg-open", [`arbiter://ticket/${other.id}`], { stdio: "ignore", timeout: 20_000 });
    await eventually(
      async () => (await app.browser.execute(() => document.querySelector('[data-testid="ticket-header"] .id')?.textContent)) === `#${other.id}`,
      "the link opened its ticket in the running window",
      20_000,
    );
    await openTicket(app, ticket.id);

    const text = `From the installed app (${Date.now()})`;
    await (await $('[data-testid="reply-body"]')).setValue(text);
    await (await $('[data-testid="send-reply"]')).click();
    await eventually(
      async () => (await api(server, `/v1/tickets/${ticket.id}`)).messages.some((m) => m.text === text),
      "the reply reached the server",
      30_000,
    );
  } finally {
    await app.close();
  }
});
