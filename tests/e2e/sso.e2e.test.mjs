// Single sign-on as an agent meets it: the company's managed file names the identity provider
// (a real oidc-provider on loopback); "Sign in with your company account" opens the system
// browser (here the desktop's handler for https links is a script handing the address to
// Debian's Chromium, driven by Playwright), the agent signs in there, the browser comes back
// to the desk's loopback listener and the desk is signed in with the provider's tokens, which
// the company API checks against the provider's keys. Access tokens live 20 s: the desk
// refreshes them while it syncs, and customer messages posted across the refreshes all
// arrive; a restart after the access token expired resumes with the refresh token from the
// keyring; sign-out revokes it at the provider. No token reaches the logs.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../browser/harness.mjs";
import { startIdp } from "../idp/provider.mjs";
import { api, DEMO_TOKEN, eventually, freshProfile, gateway, launchApp, openTicket, recordLinksOpened, startServer, visible, waitOnline } from "./harness.mjs";

const AUDIENCE = "https://support-api.arbiter.test";
const TOKEN_LIFETIME_SECS = 20;
let idp;
let server;
let browser;
let ava;

before(async () => {
  idp = await startIdp({ audience: AUDIENCE, accessTokenTTL: TOKEN_LIFETIME_SECS });
  server = await startServer({ args: ["--oidc-issuer", idp.issuer, "--oidc-audience", AUDIENCE] });
  ava = await api(server, "/v1/me");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
});

/**
 * A profile whose desktop opens http(s) links with a script that writes the address to a
 * file (xdg-open asks the desktop's default handler, as it does for any app), and the managed
 * file naming the company API and the identity provider.
 */
function companyProfile() {
  const profile = freshProfile();
  const { opened } = recordLinksOpened(profile, ["http", "https"]);
  // oidc-provider follows OpenID Connect Core §11 to the letter: a refresh token only with a consent prompt.
  const managed = join(profile.home, "managed.json");
  writeFileSync(managed, JSON.stringify({ server_url: server.url, identity_provider: { issuer: idp.issuer, client_id: "arbiter-desk", prompt: "consent" } }));
  return { ...profile, opened, env: { ARBITER_MANAGED_CONFIG: managed } };
}

/** The agent in the browser the desk opened: the provider's sign-in form, then back to the desk. */
async function signInInBrowser(link, email) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.fill('input[name="login"]', email);
    await page.fill('input[name="password"]', "anything");
    await page.click('button[type="submit"]');
    // A consent step, if the provider asks one, is the company's own app: continue.
    const done = page.getByText("You are signed in");
    const consent = page.locator('button:has-text("Continue")');
    await Promise.race([done.waitFor({ timeout: 15_000 }), consent.waitFor({ timeout: 15_000 }).then(() => consent.click())]);
    await done.waitFor({ timeout: 15_000 });
  } finally {
    await context.close();
  }
}

const logDir = (profile) => join(profile.data, "dev.arbiter.desk", "logs");
const logText = (profile) =>
  readdirSync(logDir(profile))
    .filter((n) => n.endsWith(".log"))
    .map((n) => readFileSync(join(logDir(profile), n), "utf8"))
    .join("\n");

test("the company account signs in through the system browser; tokens refresh during syncs; restart resumes; sign-out revokes", async () => {
  const profile = companyProfile();
  const tickets = await visible(server, "ticket");
  const ticket = tickets.find((t) => t.channel === "chat" && t.assignee_id === ava.id && ["open", "pending", "new"].includes(t.status));
  assert.ok(ticket, "a chat of the demo agent's to write in");
  let app = await launchApp(profile, { env: profile.env });
  const $ = (selector) => app.browser.$(selector);
  const conversation = async () => String(await (await $('[data-testid="conversation"]')).getProperty("textContent"));
  const posted = [];
  try {
    await (await $('[data-testid="sso-sign-in"]')).waitForDisplayed({ timeout: 20_000, timeoutMsg: "the company sign-in is offered" });
    const clicked = performance.now();
    await (await $('[data-testid="sso-sign-in"]')).click();
    const shown = await $('[data-testid="sso-link"]');
    await shown.waitForDisplayed({ timeout: 15_000, timeoutMsg: "the browser step's link is shown" });
    const linkShownMs = performance.now() - clicked;
    const link = await eventually(() => existsSync(profile.opened) && readFileSync(profile.opened, "utf8").trim(), "the desk opened the system browser", 10_000);
    assert.equal(link, await shown.getValue(), "the link shown is the one opened");
    const params = new URL(link).searchParams;
    assert.equal(params.get("code_challenge_method"), "S256");
    assert.match(params.get("redirect_uri"), /^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    await signInInBrowser(link, ava.email);
    const back = performance.now();
    await (await $('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 20_000, timeoutMsg: "signed in as the company account's agent" });
    console.log(`single sign-on: link shown ${linkShownMs.toFixed(0)} ms after the click; inbox ${(performance.now() - back).toFixed(0)} ms after the browser came back`);
    await waitOnline(app);
    assert.deepEqual(idp.seen.grants, ["authorization_code"]);

    // Customer messages keep arriving across two refreshes of the access token: each one
    // shows in the open conversation (the live stream, then the sync behind it) before the next.
    await openTicket(app, ticket.id);
    const until = Date.now() + 2.2 * TOKEN_LIFETIME_SECS * 1000;
    for (let i = 0; Date.now() < until; i++) {
      const text = `Message ${i} across the token refresh (${Date.now()})`;
      await gateway(server, `/tickets/${ticket.id}/messages`, { text });
      posted.push(text);
      await eventually(async () => (await conversation()).includes(text), `message ${i} is shown`, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(idp.seen.grants.filter((g) => g === "refresh_token").length >= 2, `refreshed twice: ${idp.seen.grants}`);
    assert.equal(await (await $('[data-testid="sync-status"]')).getAttribute("data-state"), "online");

    // A reply sent with a refreshed token reaches the server.
    const reply = `Answered after the refresh (${Date.now()})`;
    await (await $('[data-testid="reply-body"]')).setValue(reply);
    await (await $('[data-testid="send-reply"]')).click();
    await eventually(async () => (await api(server, `/v1/tickets/${ticket.id}`)).messages.some((m) => m.text === reply), "the reply reached the server", 30_000);

    // Closed just after a refresh, not during one: a desk killed between the provider
    // rotating the refresh token and the keyring keeping the new one holds a spent token
    // (DEPLOYMENT, "Single sign-on"), which is not what this test is about.
    const refreshes = idp.seen.grants.filter((g) => g === "refresh_token").length;
    await eventually(() => idp.seen.grants.filter((g) => g === "refresh_token").length > refreshes, "a refresh before closing", 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    await app.close();
  }

  // Closed past the access token's life: the next start resumes with the refresh token.
  await new Promise((resolve) => setTimeout(resolve, (TOKEN_LIFETIME_SECS + 2) * 1000));
  const late = `Written while the desk was closed (${Date.now()})`;
  await gateway(server, `/tickets/${ticket.id}/messages`, { text: late });
  const refreshesBefore = idp.seen.grants.filter((g) => g === "refresh_token").length;
  app = await launchApp(profile, { env: profile.env });
  try {
    await (await $('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 20_000, timeoutMsg: "the session resumed" });
    await waitOnline(app);
    // The API still takes the old token within its 30 s of clock leeway, so the first sync may
    // use it; the desk refreshes it right after start (at least 5 s after the last refresh).
    await eventually(() => idp.seen.grants.filter((g) => g === "refresh_token").length > refreshesBefore, "the expired access token was refreshed", 20_000);
    await openTicket(app, ticket.id);
    await eventually(async () => (await conversation()).includes(late), "what arrived while closed is synced", 20_000);

    await (await $('[data-testid="sign-out"]')).click();
    await (await $('[data-testid="sso-sign-in"]')).waitForDisplayed({ timeout: 15_000, timeoutMsg: "back to the sign-in screen" });
    assert.equal(idp.seen.revoked, 1, "the refresh token was revoked at the provider");
  } finally {
    await app.close();
  }

  const text = logText(profile);
  assert.match(text, /signed in with single sign-on/);
  assert.match(text, /access token refreshed/);
  assert.ok(!text.includes(DEMO_TOKEN) && !/eyJ[\w-]{20,}\./.test(text), "no token in the logs");
  assert.ok(!posted.some((p) => text.includes(p)), "no message in the logs");
});

test("a wrong state or a refusal in the browser does not sign in; cancel goes back to the choice", async () => {
  const profile = companyProfile();
  const app = await launchApp(profile, { env: profile.env });
  const $ = (selector) => app.browser.$(selector);
  try {
    await (await $('[data-testid="sso-sign-in"]')).waitForDisplayed({ timeout: 20_000 });
    await (await $('[data-testid="sso-sign-in"]')).click();
    const shown = await $('[data-testid="sso-link"]');
    await shown.waitForDisplayed({ timeout: 15_000 });
    const redirect = new URL(new URL(await shown.getValue()).searchParams.get("redirect_uri"));
    // Another page pretending to be the provider's answer is turned away; the desk waits on.
    const forged = await fetch(`${redirect}?code=forged&state=not-this-sign-in`);
    assert.equal(forged.status, 400);
    await (await $('[data-testid="sso-cancel"]')).click();
    await (await $('[data-testid="sso-sign-in"]')).waitForDisplayed({ timeout: 10_000, timeoutMsg: "cancel goes back" });
    assert.equal(await (await $('[data-testid="sso-error"]')).isExisting(), false);

    // The provider says no (access_denied): the desk says so and stays signed out.
    await (await $('[data-testid="sso-sign-in"]')).click();
    await shown.waitForDisplayed({ timeout: 15_000 });
    const state = new URL(await shown.getValue()).searchParams.get("state");
    const back = new URL(new URL(await shown.getValue()).searchParams.get("redirect_uri"));
    await fetch(`${back}?error=access_denied&error_description=${encodeURIComponent("the agent is not allowed")}&state=${state}`);
    const error = await $('[data-testid="sso-error"]');
    await error.waitForDisplayed({ timeout: 10_000 });
    assert.match(String(await error.getText()), /refused the sign-in: access_denied: the agent is not allowed/);
    assert.equal(await (await $('[data-testid="agent-name"]')).isExisting(), false);
  } finally {
    await app.close();
  }
});
