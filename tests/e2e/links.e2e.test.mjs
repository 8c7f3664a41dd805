// arbiter:// links from other tools, in the real window: a link given to a second launch
// opens its ticket (or its case's ticket on the case tab) in the running window, and that
// second process exits (one app per desktop session); the app started with a link opens it
// once the agent's desk is up; a link to something the agent cannot see, or one that is not
// a ticket or case link, says so.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, test } from "node:test";
import { APP, eventually, freshProfile, launchApp, signIn, startServer, visible } from "./harness.mjs";

let server;
const profile = freshProfile();

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** Starts the app a second time with `link`, as the desktop does for a clicked link; resolves
 * with its exit code (it hands the link to the running window and exits). */
function secondLaunch(link) {
  const child = spawn(APP, [link], {
    stdio: "ignore",
    env: { ...process.env, XDG_CONFIG_HOME: profile.config, XDG_DATA_HOME: profile.data },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the second launch with ${link} did not exit`));
    }, 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const headerId = (app) => app.browser.execute(() => document.querySelector('[data-testid="ticket-header"] .id')?.textContent ?? null);
const alerts = (app) => app.browser.execute(() => [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent.trim()).join(" | "));

test("links handed to a second launch open in the running window; unknown and malformed ones say so", async () => {
  const tickets = await visible(server, "ticket");
  const cases = await visible(server, "case");
  const ticket = tickets.find((t) => t.assignee_id !== 1) ?? tickets[0];
  const withTicket = cases.find((c) => c.ticket_ids.length > 0 && tickets.some((t) => t.id === c.ticket_ids[0]));
  assert.ok(ticket && withTicket, "the demo agent sees a ticket and a case with a ticket");

  const app = await launchApp(profile);
  try {
    await signIn(app, server);

    assert.equal(await secondLaunch(`arbiter://ticket/${ticket.id}`), 0, "the second launch exits cleanly");
    await eventually(async () => (await headerId(app)) === `#${ticket.id}`, "the linked ticket opened in the running window");

    assert.equal(await secondLaunch(`arbiter://case/${withTicket.id}`), 0);
    await eventually(async () => (await headerId(app)) === `#${withTicket.ticket_ids[0]}`, "the case's ticket opened");
    const title = await app.browser.$('[data-testid="case-title"]');
    await title.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the ticket opened on its case tab" });
    assert.match(String(await title.getProperty("textContent")), new RegExp(`\\b${withTicket.id}\\b`));

    await secondLaunch("arbiter://ticket/987654321");
    await eventually(async () => (await alerts(app)).includes("Ticket #987654321 is not among the tickets you can see"), "an unknown ticket says so");

    await secondLaunch("arbiter://ticket/12abc");
    await eventually(async () => (await alerts(app)).includes("is not a link to an Arbiter ticket or case"), "a malformed link says so");
    assert.equal(await headerId(app), `#${withTicket.ticket_ids[0]}`, "the open ticket stayed");
  } finally {
    await app.close();
  }
});

test("the app started with a link opens it once the desk is up", async () => {
  const tickets = await visible(server, "ticket");
  const ticket = tickets[tickets.length - 1];
  // Same profile: signed in from the keyring, the link waits until the session is back.
  const app = await launchApp(profile, { args: [`arbiter://ticket/${ticket.id}`] });
  try {
    await eventually(async () => (await headerId(app)) === `#${ticket.id}`, "the ticket of the launch link opened", 30_000);
  } finally {
    await app.close();
  }
});
