// The company API accepts the identity provider's access tokens beside personal tokens:
// a real OpenID provider on loopback (oidc-provider) issues them, the reference server checks
// them against the provider's published keys. Expired, wrong-audience, other-issuer,
// altered tokens, ID tokens, unverified emails and tokens naming nobody are refused with 401;
// while the provider cannot be reached its tokens are answered 503 (the desk keeps them).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DEMO_TOKEN, eventually, startServer } from "../e2e/harness.mjs";
import { startIdp } from "./provider.mjs";

const AUDIENCE = "https://support-api.arbiter.test";
let idp;
let stranger;
let server;
let ava;

before(async () => {
  idp = await startIdp({ audience: AUDIENCE });
  stranger = await startIdp({ audience: AUDIENCE });
  server = await startServer({ args: ["--oidc-issuer", idp.issuer, "--oidc-audience", AUDIENCE] });
  ava = await (await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } })).json();
});

after(async () => {
  await server?.stop();
  await idp?.stop();
  await stranger?.stop();
});

async function me(token) {
  const response = await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

test("an access token from the identity provider is the agent it names; personal tokens still work", async () => {
  const answer = await me(await idp.mint({ email: ava.email.toUpperCase() }));
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.id, ava.id);
  assert.equal((await me(DEMO_TOKEN)).status, 200);
});

test("expired, wrong-audience, other-issuer, altered tokens and tokens naming nobody are refused", async () => {
  const refused = async (token, says, what) => {
    const answer = await me(token);
    assert.equal(answer.status, 401, `${what}: ${JSON.stringify(answer.body)}`);
    assert.match(answer.body.message, says, what);
  };
  await refused(await idp.mint({ email: ava.email, ttl: -120 }), /expired/, "expired");
  await refused(await idp.mint({ email: ava.email, resource: "https://other-api.arbiter.test" }), /another API/, "another audience");
  await refused(await stranger.mint({ email: ava.email }), /key the identity provider does not publish|another issuer/, "another issuer");
  const good = await idp.mint({ email: ava.email });
  const [header, payload, signature] = good.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  const altered = Buffer.from(JSON.stringify({ ...claims, email: "marcus@arbiter.example" })).toString("base64url");
  await refused(`${header}.${altered}.${signature}`, /signature does not verify/, "altered claims");
  const flipped = `${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
  await refused(flipped, /signature does not verify|cannot be read/, "altered signature");
  await refused(await idp.mint({ email: "nobody@arbiter.test" }), /no agent has the identity/, "nobody");
  const idTokenLike = `${Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid: JSON.parse(Buffer.from(header, "base64url")).kid })).toString("base64url")}.${payload}.${signature}`;
  await refused(idTokenLike, /signature does not verify|not a JWT access token/, "an ID token's header");
  // Last: from here on the provider calls ava's email unverified.
  await refused(await idp.mint({ email: ava.email, emailVerified: false }), /email is not verified/, "an unverified email");
});

test("while the provider cannot be reached, its tokens are answered 503 with Retry-After, not refused; once back, accepted", async () => {
  const away = await startIdp({ audience: AUDIENCE });
  const api = await startServer({ tickets: 20, args: ["--oidc-issuer", away.issuer, "--oidc-audience", AUDIENCE] });
  let back;
  try {
    // The server has never fetched this provider's keys, and now cannot.
    const token = await away.mint({ email: ava.email });
    await away.stop();
    const call = (bearer) => fetch(`${api.url}/v1/me`, { headers: { Authorization: `Bearer ${bearer}` } });
    for (const attempt of ["first", "again within the wait"]) {
      const answer = await call(token);
      const body = await answer.json();
      assert.equal(answer.status, 503, `${attempt}: ${JSON.stringify(body)}`);
      assert.equal(answer.headers.get("retry-after"), "5", attempt);
      assert.equal(body.code, "unavailable", attempt);
      assert.match(body.message, /identity provider cannot be reached/, attempt);
    }
    // Personal tokens do not depend on the provider.
    assert.equal((await call(DEMO_TOKEN)).status, 200);

    // The provider is back at its address (with a new key): its tokens are taken again.
    back = await startIdp({ audience: AUDIENCE, port: Number(new URL(away.issuer).port) });
    const fresh = await back.mint({ email: ava.email });
    await eventually(async () => (await call(fresh)).status === 200, "the provider's token is accepted once it is back", 20_000);
  } finally {
    await back?.stop();
    await api.stop();
  }
});
