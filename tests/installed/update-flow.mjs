// Signed updates with real artifacts, the same for every kind of installer: the installed
// version A (built with this run's updater key) is offered the next version B by a
// reference server hosting releases. What a stranger signed, a tampered installer and an
// older release announced as newer are refused while A carries on; B downloads, waits for the
// reply being written and the outbox, installs, and the desk comes back as B with its
// session, cache and drafts. scripts/lib.sh (test_installed_package) builds and signs the
// releases and names them in ARBITER_RELEASES; the keys are this run's and deleted before
// the tests start. updates.e2e.test.mjs runs this for the .deb, appimage-updates.e2e.test.mjs
// for the AppImage.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { api, DEMO_TOKEN, eventually, freshProfile, launchApp, openTicket, startServer, visible } from "../e2e/harness.mjs";

export const RELEASES = process.env.ARBITER_RELEASES;
export const NEXT = process.env.ARBITER_NEXT_VERSION;
export const CURRENT = JSON.parse(readFileSync(new URL("../../tauri.conf.json", import.meta.url), "utf8")).version;
export const skip = !RELEASES || !NEXT ? "needs the signed releases scripts/lib.sh builds (ARBITER_RELEASES)" : false;

/**
 * The update tests for one kind of installer:
 * - `suffix`: the release files' ending in ARBITER_RELEASES (`next.<suffix>`, `current.<suffix>`);
 * - `platform`: its key in the update manifest; `fileName(version)`: its name there;
 * - `application()`: the installed app to launch (called once per test, after `setUp`);
 * - `installed()`: the version installed now;
 * - `setUp()` (optional): installs A where the test launches it.
 */
export function updateTests({ suffix, platform, fileName, application, installed, setUp = () => {} }) {
  let server;
  let updates;
  let hosted;
  let managed;

  before(async () => {
    if (skip) return;
    server = await startServer();
    hosted = mkdtempSync(join(tmpdir(), "arbiter-hosted-"));
    // Another reference server hosts the releases, as a company's download server would: the
    // company API can go away (for the outbox) while updates stay reachable.
    updates = await startServer({ tickets: 20, args: ["--updates-dir", hosted] });
    managed = join(mkdtempSync(join(tmpdir(), "arbiter-managed-")), "config.json");
    writeFileSync(
      managed,
      JSON.stringify({
        server_url: server.url,
        updates: { manifest_url: `${updates.url}/v1/updates/{{channel}}/latest.json`, channel: "stable" },
      }),
    );
  });

  after(async () => {
    await server?.stop();
    await updates?.stop();
  });

  const release = (name) => join(RELEASES, name.replace("%", suffix));

  /** Makes `installer` with `signature` the one release on the stable channel, announced as `version`. */
  function publish(version, installer, signature) {
    rmSync(join(hosted, "stable"), { recursive: true, force: true });
    const dir = join(hosted, "stable", version);
    mkdirSync(dir, { recursive: true });
    const name = fileName(version);
    copyFileSync(installer, join(dir, name));
    copyFileSync(signature, join(dir, `${name}.sig`));
    writeFileSync(
      join(dir, "release.json"),
      JSON.stringify({
        notes: `Arbiter ${version}\n- Signed updates\n- <b>not bold</b>`,
        pub_date: new Date().toISOString(),
        platforms: { [platform]: name },
      }),
    );
  }

  async function launch(profile) {
    const app = await launchApp(profile, { application: application(), env: { ARBITER_MANAGED_CONFIG: managed } });
    return { app, $: (selector) => app.browser.$(selector) };
  }

  test(`${suffix}: a stranger's signature, a tampered installer and an older release announced as newer are refused; A carries on`, { skip }, async () => {
    setUp();
    publish(NEXT, release("next.%"), release("stranger/next.%.sig"));
    const { app, $ } = await launch(freshProfile());
    try {
      await signInManaged($);
      assert.equal(await noticeText($, "app-version"), `Arbiter ${CURRENT}`);
      const stranger = await noticeText($, "update-failure");
      assert.match(stranger, new RegExp(`The update to ${escape(NEXT)} was refused: its signature does not match`));
      assert.match(stranger, new RegExp(`Arbiter ${escape(CURRENT)} keeps running`));

      // The right signature, on bytes changed after signing.
      const tampered = join(mkdtempSync(join(tmpdir(), "arbiter-tampered-")), `next.${suffix}`);
      const bytes = readFileSync(release("next.%"));
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      writeFileSync(tampered, bytes);
      publish(NEXT, tampered, release("next.%.sig"));
      await (await $('[data-testid="update-retry"]')).click();
      await eventually(
        async () => /was refused/.test(await noticeText($, "update-failure")) && (await $('[data-testid="update-notice"]').getAttribute("data-state")) === "failed",
        "the tampered installer is refused",
        60_000,
      );

      // A genuine installer of this very version, announced as the next: a downgrade dressed up.
      publish(NEXT, release("current.%"), release("current.%.sig"));
      await (await $('[data-testid="update-retry"]')).click();
      await eventually(async () => /was refused/.test(await noticeText($, "update-failure")), "the mislabelled release is refused", 60_000);

      // The desk carries on as A.
      const ticket = (await visible(server, "ticket"))[0];
      await openTicket(app, ticket.id);
      await (await $('[data-testid="ticket-header"]')).waitForDisplayed({ timeout: 10_000 });
      assert.equal(installed(), CURRENT);
    } finally {
      await app.close();
    }
  });

  test(`${suffix}: A downloads B, waits for the reply being written and the outbox, and restarts as B with session, cache and drafts`, { skip }, async () => {
    setUp();
    publish(NEXT, release("next.%"), release("next.%.sig"));
    const [drafted, replied] = (await visible(server, "ticket")).filter(
      (t) => t.channel === "email" && t.assignee_id === 1 && ["open", "pending", "new"].includes(t.status),
    );
    assert.ok(drafted && replied, "Ava has two active email tickets");
    const profile = freshProfile();
    let { app, $ } = await launch(profile);
    const draft = `Half-written before the update (${Date.now()})`;
    const reply = `Sent while the API was away (${Date.now()})`;
    const launched = Date.now();
    try {
      await signInManaged($);
      await eventually(async () => (await $('[data-testid="update-notice"]').getAttribute("data-state")) === "ready", "B is downloaded and verified", 120_000);
      // Figures for docs/PERFORMANCE.md (printed, never asserted).
      console.log(`update (${suffix}): launch → B downloaded and verified in ${Date.now() - launched} ms (first check 5 s after start)`);
      assert.match(await noticeText($, "update-notice"), new RegExp(`Arbiter ${escape(NEXT)} is ready to install`));

      // Writing a reply: no restart.
      await openTicket(app, drafted.id);
      await (await $('[data-testid="reply-body"]')).setValue(draft);
      await (await $('[data-testid="update-restart"]')).click();
      assert.match(await noticeText($, "update-refusal", 10_000), /Send or discard the reply you are writing first/);

      // A reply waiting in the outbox (the company API is down): no restart either.
      await openTicket(app, replied.id);
      await server.stop();
      await (await $('[data-testid="reply-body"]')).setValue(reply);
      await (await $('[data-testid="send-reply"]')).click();
      await eventually(
        async () => {
          await (await $('[data-testid="update-restart"]')).click();
          return /1 action is still on its way/.test(await noticeText($, "update-refusal", 10_000));
        },
        "the restart waits for the outbox",
        30_000,
      );

      // The API is back, the reply arrives, and the restart installs B.
      const address = new URL(server.url).host;
      server = await startServer({ database: server.database, listen: address });
      await eventually(
        async () => (await api(server, `/v1/tickets/${replied.id}`)).messages.some((m) => m.text === reply),
        "the queued reply reached the server",
        60_000,
      );
      const before = appProcesses(app.group);
      assert.equal(before.length, 1, "one app process runs A");
      const restartAsked = Date.now();
      await eventually(
        async () => {
          // Once A has gone, the window is no more: clicking fails, the install goes on.
          await $('[data-testid="update-restart"]')
            .then((button) => button.click())
            .catch(() => {});
          return installed() === NEXT;
        },
        "B is installed",
        120_000,
      );
      await eventually(
        async () => {
          const now = appProcesses(app.group);
          return now.length === 1 && now[0] !== before[0];
        },
        "A restarted into B",
        60_000,
      );
      const restarted = appProcesses(app.group)[0];
      console.log(`update (${suffix}): restart → B installed and running in ${Date.now() - restartAsked} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      assert.deepEqual(appProcesses(app.group), [restarted], "B keeps running");
    } finally {
      await app.close();
    }

    // B as the agent finds it on the next start: signed in, its copy there, the draft kept.
    ({ app, $ } = await launch(profile));
    try {
      await (await $('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 20_000, timeoutMsg: "the session survived the update" });
      assert.equal(await noticeText($, "app-version"), `Arbiter ${NEXT}`);
      await openTicket(app, drafted.id);
      await eventually(async () => (await (await $('[data-testid="reply-body"]')).getValue()) === draft, "the draft survived the update", 15_000);
      await openTicket(app, replied.id);
      await eventually(
        // An email's body is drawn in its own frame (srcdoc).
        async () =>
          (
            await app.browser.execute(() =>
              [document.body.textContent ?? "", ...[...document.querySelectorAll("iframe")].map((f) => f.getAttribute("srcdoc") ?? "")].join("\n"),
            )
          ).includes(reply),
        "the sent reply is in the thread",
        15_000,
      );
      await (await $('[data-testid="update-check"]')).waitForDisplayed({ timeout: 30_000, timeoutMsg: "B is up to date" });
    } finally {
      await app.close();
    }
  });
}

const escape = (version) => version.replace(/\./g, "\\.");

/** Signs in on the managed server: only the token is asked for. */
async function signInManaged($) {
  await (await $('[data-testid="server-managed"]')).waitForDisplayed({ timeout: 20_000 });
  await (await $('[data-testid="token"]')).setValue(DEMO_TOKEN);
  await (await $('[data-testid="sign-in"]')).click();
  await (await $('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 15_000 });
}

async function noticeText($, testid, timeout = 60_000) {
  const element = await $(`[data-testid="${testid}"]`);
  await element.waitForDisplayed({ timeout, timeoutMsg: `${testid} is shown` });
  return String(await element.getText());
}

/** The app's processes in the launch's process group: `[pid]`. */
function appProcesses(group) {
  return execFileSync("ps", ["-eo", "pid=,pgid=,comm="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, pgid, comm]) => Number(pgid) === group && comm === "arbiter")
    .map(([pid]) => Number(pid));
}
