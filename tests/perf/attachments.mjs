// Opening attachments in the real app window (figures for docs/PERFORMANCE.md): a customer
// emails a 5 MB and a 25 MB photo (PNG) and a 20-page PDF through the private Postfix +
// Dovecot; the agent opens each in the viewer. Timed from the click to the desk's drawing decoded on screen:
// the first open (fetched from the server, checked, drawn, kept) and then opens from the
// encrypted cache. Not a test: a benchmark. Run it with
//   scripts/bench-window.sh attachments
// (ARBITER_RELEASE=1 for a release build; the script starts the private mail stack).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsPdf, emailWith, noisePng } from "../e2e/files.mjs";
import { eventually, freshProfile, launchApp, signIn, startServer } from "../e2e/harness.mjs";
import { sample, TIMER } from "./bench-window.mjs";

const SAMPLES = Number(process.env.ARBITER_BENCH_SAMPLES ?? 20);
const dir = mkdtempSync(join(tmpdir(), "arbiter-bench-attachments-"));
const stack = process.env;
if (!stack.ARBITER_TEST_SMTP_PORT) throw new Error("no mail stack: run this through scripts/bench-window.sh attachments");
const mailbox = `bench-${Date.now()}@exchange.example`;
const customer = `photos.${Date.now()}@example.org`;
writeFileSync(join(dir, "imap-password"), stack.ARBITER_TEST_SUPPORT_PASSWORD);
writeFileSync(
  join(dir, "mailboxes.json"),
  JSON.stringify({
    mailboxes: [
      {
        address: mailbox,
        queue: "disputes",
        imap: { host: "127.0.0.1", port: Number(stack.ARBITER_TEST_IMAP_PORT), security: "plain", username: mailbox, password_file: join(dir, "imap-password") },
        processed_folder: "Processed",
      },
    ],
  }),
);

const OPEN = new Function(
  "i",
  "name",
  "done",
  `${TIMER}
  const chip = document.querySelector('[data-testid="attachment"][data-name="' + name + '"]');
  // An image's load changes nothing the timer watches: mark it, so the timer looks again.
  const drawn = () => {
    const img = document.querySelector('[data-testid="attachment-picture"]');
    if (!(img instanceof HTMLImageElement)) return false;
    if (!img.dataset.watched) {
      img.dataset.watched = "1";
      img.addEventListener("load", () => (img.dataset.loaded = "1"));
    }
    return img.complete && img.naturalWidth > 0;
  };
  timed(() => chip.click(), drawn, done);`,
);

const CLOSE = () => document.querySelector('[data-testid="close-attachment"]')?.click();

const server = await startServer({ args: ["--mail-config", join(dir, "mailboxes.json")] });
const app = await launchApp(freshProfile());
try {
  await signIn(app, server);
  const subject = `Photos of the statement ${Date.now()}`;
  const files = [
    ["photo-5mb.png", "image/png", noisePng(1600, 1050)],
    ["photo-25mb.png", "image/png", noisePng(2900, 2900)],
    ["statement.pdf", "application/pdf", barsPdf(20)],
  ];
  const raw = emailWith({ from: customer, to: mailbox, subject, messageId: `bench-${Date.now()}@example.org`, text: "Photos attached.", files });
  const file = join(dir, "mail.eml");
  writeFileSync(file, raw);
  execFileSync("curl", ["-sS", `smtp://127.0.0.1:${stack.ARBITER_TEST_SMTP_PORT}`, "--mail-from", customer, "--mail-rcpt", mailbox, "--upload-file", file]);
  const search = await app.browser.$('[data-testid="search-input"]');
  const hit = await app.browser.$('[data-testid="search-hit"]');
  await eventually(
    async () => {
      await search.clearValue();
      await search.setValue(subject);
      return hit.waitForExist({ timeout: 1_000 }).then(() => true, () => false);
    },
    "the email arrived",
    60_000,
  );
  await (await hit.$("button")).click();
  await (await app.browser.$('[data-testid="attachment"][data-name="photo-5mb.png"]')).waitForExist({ timeout: 20_000 });
  for (const [name, , bytes] of files) {
    const first = await sample(app.browser, OPEN, 1, name);
    await app.browser.execute(CLOSE);
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      times.push((await sample(app.browser, OPEN, 1, name)).p50);
      await app.browser.execute(CLOSE);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    const size = bytes.length >= 1048576 ? `${(bytes.length / 1048576).toFixed(1)} MB` : `${Math.round(bytes.length / 1024)} KB`;
    console.log(`${name} (${size}): first open (fetch, check, draw, keep) ${first.p50} ms; again, from the cache: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${SAMPLES})`);
  }
} finally {
  await app.close();
  await server.stop();
}
