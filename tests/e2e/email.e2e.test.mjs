// Real email through the real window: a customer's mail program sends to the support address
// (SMTP into Postfix, delivered to Dovecot), the reference server reads it over IMAP and the
// ticket appears in the desk with its attachment; the agent replies in the window and the
// reply lands in the customer's mailbox, threaded; the agent forwards the email to a bank and
// writes a new email to the customer, and both arrive. Needs the mail stack scripts/test.sh
// starts (scripts/mailstack.sh); CI sets ARBITER_REQUIRE_MAIL so it cannot be skipped.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { barsPdf, emailWith, noisePng } from "./files.mjs";
import { eventually, freshProfile, launchApp, screenshot, signIn, startServer } from "./harness.mjs";

const env = process.env;
const stack = env.ARBITER_TEST_SMTP_PORT && {
  smtp: env.ARBITER_TEST_SMTP_PORT,
  imap: env.ARBITER_TEST_IMAP_PORT,
  password: env.ARBITER_TEST_SUPPORT_PASSWORD,
};
if (!stack && env.ARBITER_REQUIRE_MAIL) throw new Error("ARBITER_REQUIRE_MAIL is set but the mail stack's ARBITER_TEST_* variables are not");

const stamp = Date.now();
const mailbox = `desk-${stamp}@exchange.example`;
const customer = `nadia.${stamp}@example.org`;
const dir = mkdtempSync(join(tmpdir(), "arbiter-e2e-mail-"));
let server;
const profile = freshProfile();

/** Sends a raw message over SMTP with curl, as any mail program would. */
function sendMail(from, to, raw) {
  const file = join(dir, `mail-${Date.now()}.eml`);
  writeFileSync(file, raw);
  execFileSync("curl", ["-sS", `smtp://127.0.0.1:${stack.smtp}`, "--mail-from", from, "--mail-rcpt", to, "--upload-file", file]);
}

/** The newest message in an IMAP inbox (curl's IMAP), or null. */
function newestMail(address) {
  const login = ["--user", `${address}:${stack.password}`];
  const status = execFileSync("curl", ["-sS", ...login, `imap://127.0.0.1:${stack.imap}/INBOX`, "-X", "EXAMINE INBOX"], { encoding: "utf8" });
  const exists = Number(status.match(/\* (\d+) EXISTS/)?.[1] ?? 0);
  if (exists === 0) return null;
  // A forward carries the customer's files: megabytes.
  return execFileSync("curl", ["-sS", ...login, `imap://127.0.0.1:${stack.imap}/INBOX;MAILINDEX=${exists}`], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

before(async () => {
  if (!stack) return;
  writeFileSync(join(dir, "imap-password"), stack.password);
  const config = {
    mailboxes: [
      {
        address: mailbox,
        queue: "disputes",
        imap: { host: "127.0.0.1", port: Number(stack.imap), security: "plain", username: mailbox, password_file: join(dir, "imap-password") },
        smtp: { host: "127.0.0.1", port: Number(stack.smtp), security: "plain" },
        processed_folder: "Processed",
      },
    ],
  };
  writeFileSync(join(dir, "mailboxes.json"), JSON.stringify(config));
  server = await startServer({ args: ["--mail-config", join(dir, "mailboxes.json")] });
});

after(async () => {
  await server?.stop();
});

test("an email becomes a ticket in the window, and the agent's reply reaches the customer's mailbox threaded", { skip: !stack && "no mail stack" }, async () => {
  const app = await launchApp(profile);
  const $ = (selector) => app.browser.$(selector);
  try {
    await signIn(app, server);
    const pdf = barsPdf(3);
    // A phone photo of a card statement: about 5 MB, over the 2 MB shown inline.
    const photo = noisePng(1600, 1050);
    const subject = `Charged twice ${stamp}`;
    const raw = emailWith({
      from: `Nadia Rahman <${customer}>`,
      to: mailbox,
      subject,
      messageId: `nadia-${stamp}@example.org`,
      text: "My card was charged twice for the same purchase of 250 EUR. The statement is attached.",
      files: [
        ["statement.pdf", "application/octet-stream", pdf],
        ["statement-photo.png", "image/png", photo],
      ],
    });
    sendMail(customer, mailbox, raw);
    const accepted = Date.now();

    // The new ticket (unassigned, in Ava's disputes queue) is found by its subject. A search
    // answers what the desk holds when it is typed, so it is typed again until the ticket
    // has arrived, as an agent would.
    const search = await $('[data-testid="search-input"]');
    const hit = await $('[data-testid="search-hit"]');
    await eventually(
      async () => {
        await search.clearValue();
        await search.setValue(subject);
        return hit.waitForExist({ timeout: 1_000 }).then(
          () => true,
          () => false,
        );
      },
      "the email became a ticket in the desk",
      30_000,
    );
    console.log(`Postfix accepted → the ticket found in the window: ${Date.now() - accepted} ms`);
    await (await hit.$("button")).click();
    const conversation = await $('[data-testid="conversation"]');
    await eventually(async () => String(await conversation.getProperty("textContent")).includes("charged twice for the same purchase"), "the email shows");
    const attachments = await $('[data-testid="attachments"]');
    await eventually(async () => String(await attachments.getProperty("textContent")).includes("statement.pdf"), "its attachment is listed");
    assert.match(String(await (await $('[data-testid="ticket-header"]')).getProperty("textContent")), new RegExp(subject));

    // The attachments open in the desk's viewer, as pictures the desk drew: the photo, then
    // the PDF's pages.
    const openAttachment = async (name) => {
      await (await $(`[data-testid="attachment"][data-name="${name}"]`)).click();
      await eventually(
        async () => app.browser.execute(() => {
          const img = document.querySelector('[data-testid="attachment-picture"]');
          return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
        }),
        `${name} shows`,
        20_000,
      );
    };
    await openAttachment("statement-photo.png");
    const shown = await app.browser.execute(() => {
      const img = document.querySelector('[data-testid="attachment-picture"]');
      return { scheme: img.getAttribute("src").split(":")[0], width: img.naturalWidth, height: img.naturalHeight };
    });
    // Loaded from the shell's picture protocol: the desk's drawing, not the sender's file.
    assert.deepEqual(shown, { scheme: "arbiter-picture", width: 1600, height: 1050 });
    await screenshot(app.browser, "attachment-photo");
    await (await $('[data-testid="close-attachment"]')).click();
    await openAttachment("statement.pdf");
    // The page counter is drawn with the first page, a moment after the viewer opens.
    await eventually(async () => (await (await $('[data-testid="attachment-page"]')).getText()) === "Page 1 of 3", "the first page");
    await (await $('[data-testid="attachment-next"]')).click();
    await eventually(async () => (await (await $('[data-testid="attachment-page"]')).getText()) === "Page 2 of 3", "the next page");
    await screenshot(app.browser, "attachment-pdf");
    await (await $('[data-testid="close-attachment"]')).click();

    // Ava answers in the window; the reply is mailed and shows as sent.
    const reply = `Dear Nadia, the second charge of 250 EUR is being refunded (${stamp}).`;
    await (await $('[data-testid="reply-body"]')).setValue(reply);
    await (await $('[data-testid="send-reply"]')).click();
    await eventually(
      async () => app.browser.execute(() => [...document.querySelectorAll('[data-testid="delivery"]')].some((d) => d.dataset.state === "sent")),
      "the reply shows as sent",
      30_000,
    );
    await screenshot(app.browser, "email-reply-sent");

    // In the customer's mailbox: from Ava at the support address, threaded to her email.
    let mail = null;
    await eventually(async () => (mail = newestMail(customer)) !== null, "the reply reached the customer's mailbox", 20_000);
    assert.match(mail, new RegExp(`^From: "?Ava Chen"? <${mailbox}>`, "m"));
    assert.match(mail, new RegExp(`^In-Reply-To: <nadia-${stamp}@example.org>`, "m"));
    assert.match(mail, /^Subject: Re: Charged twice \d+ \[#\d+\]/m);
    assert.match(mail, /multipart\/alternative/);
    assert.ok(mail.includes("being refunded"), "the reply's text is in the email");

    // Ava forwards Nadia's email, with its files, to the card issuer: it reaches the bank's
    // mailbox from the support address, and shows under the ticket's side conversations.
    const bank = `disputes.${stamp}@bank.example`;
    await (await $('[data-testid="message"] [data-testid="forward-message"]')).click();
    await (await $('[data-testid="forward-to"]')).setValue(bank);
    await (await $('[data-testid="forward-note"]')).setValue("Please confirm whether both charges were presented.");
    await (await $('[data-testid="forward-send"]')).click();
    let forwarded = null;
    await eventually(async () => (forwarded = newestMail(bank)) !== null, "the forward reached the bank's mailbox", 30_000);
    assert.match(forwarded, new RegExp(`^From: "?Ava Chen"? <${mailbox}>`, "m"));
    assert.match(forwarded, /^Subject: Fwd: Charged twice \d+ \[#\d+\]/m);
    assert.ok(forwarded.includes("Please confirm whether both charges") && forwarded.includes("statement.pdf"), "the note and the file");

    // And writes first to Nadia about something new: a new ticket, mailed without "Re:".
    await (await $('[data-testid="new-email"]')).click();
    await (await $('[data-testid="new-email-subject"]')).setValue(`Your refund ${stamp}`);
    await (await $('[data-testid="new-email-body"]')).setValue("Your refund of 250 EUR was sent today.");
    await (await $('[data-testid="new-email-send"]')).click();
    await eventually(async () => /^Subject: Your refund \d+ \[#\d+\]/m.test(newestMail(customer) ?? ""), "the new email reached the customer", 30_000);
    assert.doesNotMatch(newestMail(customer), /^In-Reply-To:/m);
    await screenshot(app.browser, "email-forward-and-new");
  } finally {
    await app.close();
  }
});
