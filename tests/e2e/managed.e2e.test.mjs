// A machine IT manages: the system-wide file (here named by ARBITER_MANAGED_CONFIG) presets
// the company API, so the agent only gives their credentials and cannot point the desk
// elsewhere; a file the app cannot use is not half-used, and the sign-in screen says why.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DEMO_TOKEN, freshProfile, launchApp, startServer } from "./harness.mjs";

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

function managedFile(contents) {
  const path = join(mkdtempSync(join(tmpdir(), "arbiter-managed-")), "config.json");
  writeFileSync(path, typeof contents === "string" ? contents : JSON.stringify(contents));
  return path;
}

test("the managed server is preset and fixed on the sign-in screen; signing in needs only the token", async () => {
  const path = managedFile({ server_url: `${server.url}/`, updates: { manifest_url: `${server.url}/v1/updates/latest.json`, channel: "stable" } });
  const app = await launchApp(freshProfile(), { env: { ARBITER_MANAGED_CONFIG: path } });
  const $ = (selector) => app.browser.$(selector);
  try {
    const url = await $('[data-testid="server-url"]');
    await (await $('[data-testid="server-managed"]')).waitForDisplayed({ timeout: 15_000, timeoutMsg: "the screen says the company set the server" });
    assert.equal(await url.getValue(), server.url);
    assert.equal(await url.getAttribute("readonly"), "true", "the address cannot be edited");
    assert.match(String(await (await $('[data-testid="server-managed"]')).getText()), new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await (await $('[data-testid="token"]')).setValue(DEMO_TOKEN);
    await (await $('[data-testid="sign-in"]')).click();
    await (await $('[data-testid="agent-name"]')).waitForDisplayed({ timeout: 15_000 });
  } finally {
    await app.close();
  }
});

test("a managed file with a mistake is not used, and the sign-in screen says why", async () => {
  const path = managedFile({ server_url: server.url, sever_url: "typo" });
  const app = await launchApp(freshProfile(), { env: { ARBITER_MANAGED_CONFIG: path } });
  const $ = (selector) => app.browser.$(selector);
  try {
    const problem = await $('[data-testid="managed-problem"]');
    await problem.waitForDisplayed({ timeout: 15_000, timeoutMsg: "the problem with the file is shown" });
    const text = String(await problem.getText());
    assert.match(text, /is not used/);
    assert.match(text, /sever_url/);
    assert.equal(await (await $('[data-testid="server-url"]')).getAttribute("readonly"), null, "nothing of the file applies");
    assert.equal(await (await $('[data-testid="server-managed"]')).isExisting(), false);
  } finally {
    await app.close();
  }
});
