// Shared pieces of the end-to-end tests: the reference server, tauri-driver and the real
// app window (WebKitGTK through WebKitWebDriver). Run inside dbus-run-session with an
// unlocked gnome-keyring and an X display (scripts/test.sh sets all of this up).
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../..");
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
export const APP = process.env.ARBITER_APP ?? join(TARGET, "debug/arbiter");
export const SERVER = process.env.ARBITER_SERVER ?? join(TARGET, "debug/arbiter-server");
export const DEMO_TOKEN = "demo-ava";
/** The channel gateway's token: the tests speak as the customers and the internal teams. */
export const GATEWAY_TOKEN = "e2e-gateway";

/** Starts the reference server with seeded demo data on a free loopback port. */
const temporary = new Set();
process.on("exit", () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** `args`: more `serve` options (e.g. a higher `--rate-limit` for a test that floods). */
export async function startServer({ database, listen = "127.0.0.1:0", tickets = 300, args = [] } = {}) {
  const db = database ?? join(mkdtempSync(join(tmpdir(), "arbiter-e2e-db-")), "server.db");
  // A server may be stopped and started again on the same database; the folder goes when the
  // test process ends (they add up over runs otherwise).
  if (!database) temporary.add(dirname(db));
  const child = spawn(
    SERVER,
    ["serve", "--database", db, "--listen", listen, "--demo", "--tickets", String(tickets), "--seed", "7", ...args],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ARBITER_GATEWAY_TOKEN: GATEWAY_TOKEN } },
  );
  const url = await new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/\S+)/);
      if (match) ok(match[1]);
    });
    child.on("exit", (code) => fail(new Error(`arbiter-server exited with ${code}`)));
  });
  return {
    url,
    database: db,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.on("exit", done);
        child.kill("SIGKILL");
      }),
  };
}

/** The company API as a test sees it: plain HTTP with the demo agent's token (or `token`). */
export async function api(server, path, token = DEMO_TOKEN) {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A request to the company API as the demo agent (or `token`), answered with JSON or null. */
export async function apiSend(server, method, path, body, { token = DEMO_TOKEN, headers = {} } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** What the company's channels bring in: a customer writing or typing, a team answering. */
export const gateway = (server, path, body) => apiSend(server, "POST", `/v1/inbound${path}`, body, { token: GATEWAY_TOKEN });

/** Every entity of `kind` the demo agent may see, in its latest version, read from the feed. */
export async function visible(server, kind, token = DEMO_TOKEN) {
  const latest = new Map();
  for (let after = 0; ; ) {
    const page = await apiSend(server, "GET", `/v1/changes?after=${after}&limit=5000`, undefined, { token });
    for (const change of page.changes) {
      const { kind: changed, data } = change.entity;
      if (changed === kind) latest.set(data.id, data);
      else if (changed === "deleted" && data.entity === kind) latest.delete(data.id);
    }
    if (!page.has_more) break;
    after = page.next_cursor;
  }
  return [...latest.values()];
}

/** Signs the app in as the demo agent and waits for the inbox. */
export async function signIn(app, server, token = DEMO_TOKEN) {
  const $ = (selector) => app.browser.$(selector);
  const url = await $('[data-testid="server-url"]');
  await url.waitForDisplayed({ timeout: 20_000 });
  await url.clearValue();
  await url.setValue(server.url);
  await (await $('[data-testid="token"]')).setValue(token);
  await (await $('[data-testid="sign-in"]')).click();
  await (await $('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 15_000 });
}

/** Opens ticket `ticketId` through the search box (the desk must be signed in and synced). */
export async function openTicket(app, ticketId) {
  const $ = (selector) => app.browser.$(selector);
  await (await $('[data-testid="search-input"]')).setValue(`#${ticketId}`);
  const hit = await $('[data-testid="search-hit"] button');
  await hit.waitForExist({ timeout: 10_000 });
  await hit.click();
}

/** Waits until the desk says it is online. */
export async function waitOnline(app) {
  await app.browser.waitUntil(async () => (await (await app.browser.$('[data-testid="sync-status"]')).getAttribute("data-state")) === "online", {
    timeout: 30_000,
    timeoutMsg: "the desk came online",
  });
}

/** Waits until `read()` gives something truthy (errors count as not yet), and returns it. */
export async function eventually(read, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    try {
      const value = await read();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}${last ? ` (last error: ${last.message})` : ""}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function waitForPort(port, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((ok, fail) => {
    const attempt = () => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => {
        socket.end();
        ok();
      });
      socket.on("error", () => {
        if (Date.now() > deadline) fail(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

/** A fresh user profile (settings and cache folders) for the app. */
export function freshProfile() {
  const home = mkdtempSync(join(tmpdir(), "arbiter-e2e-home-"));
  return { home, config: join(home, "config"), data: join(home, "data") };
}

/**
 * Starts tauri-driver and opens the app in it. The app inherits the driver's environment,
 * so `profile` decides where its settings and cache live.
 */
/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** `args`: the app's command line (e.g. an arbiter:// link it is started with); `application`:
 * another app than ARBITER_APP's (an AppImage). */
export async function launchApp(profile, { env = {}, args = [], application = APP } = {}) {
  // Fresh ports per launch, so a driver still exiting (or left over) is never the one we talk to.
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    // Its own process group, so closing takes WebKitWebDriver and the app down with it.
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: profile.config,
      XDG_DATA_HOME: profile.data,
      RUST_LOG: "info,arbiter=debug",
      ...env,
    },
  });
  // tauri-driver answers before the WebKitWebDriver it starts does; a session asked for in
  // between is refused. Wait for both.
  await waitForPort(port);
  await waitForPort(nativePort);
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    connectionRetryCount: 0,
    capabilities: {
      "tauri:options": { application, args },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  return {
    browser,
    /** The process group of the driver, WebKitWebDriver and the app (and what the app starts). */
    group: driver.pid,
    close: async () => {
      await browser.deleteSession().catch(() => {});
      const exited = new Promise((done) => (driver.exitCode !== null ? done() : driver.on("exit", done)));
      try {
        process.kill(-driver.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await exited;
      // The app holds the desktop session's single-instance name until it is gone; the next
      // launch would otherwise hand its arguments to it and exit.
      for (let i = 0; i < 200; i++) {
        try {
          process.kill(-driver.pid, 0);
        } catch {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/**
 * Makes `profile`'s default handler for `schemes` (e.g. `["https", "mailto"]`) a script that
 * writes each address it is given, a line each, to `opened`: registered the freedesktop way
 * (a .desktop file and mimeapps.list), so xdg-open uses it as it would a browser. `opened`
 * exists only once something was; `script` can also be given as $BROWSER.
 */
export function recordLinksOpened(profile, schemes) {
  const scratch = mkdtempSync(join(tmpdir(), "arbiter-e2e-browser-"));
  temporary.add(scratch);
  const opened = join(scratch, "opened.txt");
  const script = join(scratch, "browser.sh");
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(script, 0o755);
  mkdirSync(join(profile.data, "applications"), { recursive: true });
  mkdirSync(profile.config, { recursive: true });
  const handlers = schemes.map((scheme) => `x-scheme-handler/${scheme}`);
  writeFileSync(
    join(profile.data, "applications", "arbiter-test-browser.desktop"),
    `[Desktop Entry]\nType=Application\nName=Test browser\nExec=${script} %u\nMimeType=${handlers.join(";")};\n`,
  );
  writeFileSync(
    join(profile.config, "mimeapps.list"),
    `[Default Applications]\n${handlers.map((h) => `${h}=arbiter-test-browser.desktop\n`).join("")}`,
  );
  return { opened, script };
}

/** Every file under `dir` whose bytes contain `needle`. */
export function filesContaining(dir, needle) {
  const hits = [];
  const walk = (path) => {
    let entries;
    try {
      entries = readdirSync(path);
    } catch {
      return;
    }
    for (const name of entries) {
      const full = join(path, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else if (readFileSync(full).includes(needle)) hits.push(full);
    }
  };
  walk(dir);
  return hits;
}

/** Saves a screenshot of the window as docs/screenshots/<name>.png when ARBITER_SCREENSHOTS
 * is set (to refresh the README's pictures); otherwise does nothing. */
export async function screenshot(browser, name) {
  const dir = process.env.ARBITER_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await browser.saveScreenshot(join(resolve(dir), `${name}.png`));
}
