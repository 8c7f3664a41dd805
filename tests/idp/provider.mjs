// A real OpenID provider on loopback for the tests (npm oidc-provider, OpenID-certified):
// the company's identity provider as the desk and the company API meet it. It knows the
// desk as a native public client (PKCE, loopback redirect on any port, RFC 8252) and issues
// JWT access tokens for the company API's audience, with the agent's email in them.
//
//   const idp = await startIdp({ audience: "https://api.example" });
//   idp.issuer; await idp.mint({ email: "ava@…" }); await idp.stop();
//
// `node tests/idp/provider.mjs` runs one until stopped and prints its issuer.
import { createServer } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

export const DESK_CLIENT_ID = "arbiter-desk";
export const SCOPES = "openid email offline_access";

/**
 * Starts a provider on 127.0.0.1 (`port` 0: any). `audience`: the company API's resource;
 * `accessTokenTTL` in seconds. Accounts are whoever signs in: the login is the email.
 */
export async function startIdp({ audience, port = 0, accessTokenTTL = 300 } = {}) {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: `test-${Date.now()}` };
  const http = createServer();
  await new Promise((ok) => http.listen(port, "127.0.0.1", ok));
  const issuer = `http://127.0.0.1:${http.address().port}`;

  // Accounts whose email the provider has not verified (`mint({ emailVerified: false })`).
  const unverified = new Set();
  const resourceServer = (resource) => ({
    scope: SCOPES,
    audience: resource,
    accessTokenFormat: "jwt",
    accessTokenTTL,
    jwt: { sign: { alg: "RS256" } },
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DESK_CLIENT_ID,
        application_type: "native",
        token_endpoint_auth_method: "none",
        redirect_uris: ["http://127.0.0.1/callback"],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true }),
    }),
    // The API matches the agent by this claim (`--oidc-agent-claim email`).
    extraTokenClaims: async (_ctx, token) => (token.accountId ? { email: token.accountId, email_verified: !unverified.has(token.accountId) } : undefined),
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => resourceServer(resource),
      },
    },
    // The company's own app: no consent screen, as first-party apps are set up.
    loadExistingGrant: async (ctx) => {
      const id = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (id) return ctx.oidc.provider.Grant.find(id);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(SCOPES);
      grant.addResourceScope(audience, SCOPES);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
    ttl: { AccessToken: accessTokenTTL, RefreshToken: 24 * 3600, Session: 3600, Interaction: 600, Grant: 24 * 3600 },
    cookies: { keys: ["arbiter-test-cookies"] },
  });
  http.on("request", provider.callback());
  // What the provider did, for tests to check: token grants by type, revocations.
  const seen = { grants: [], revoked: 0 };
  provider.on("grant.success", (ctx) => seen.grants.push(ctx.oidc.params.grant_type));
  provider.on("grant.revoked", () => (seen.revoked += 1));

  return {
    issuer,
    audience,
    provider,
    seen,
    /** An access token for `email` as the desk would hold one, minted without the browser. */
    async mint({ email, resource = audience, ttl = accessTokenTTL, emailVerified = true }) {
      if (!emailVerified) unverified.add(email);
      const client = await provider.Client.find(DESK_CLIENT_ID);
      const token = new provider.AccessToken({
        accountId: email,
        client,
        scope: SCOPES,
        resourceServer: new provider.ResourceServer(resource, resourceServer(resource)),
        expiresIn: ttl,
      });
      return token.save();
    },
    stop: () =>
      new Promise((ok) => {
        http.closeAllConnections?.();
        http.close(() => ok());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const idp = await startIdp({ audience: process.env.ARBITER_OIDC_AUDIENCE ?? "arbiter-api", port: Number(process.env.PORT ?? 0) });
  console.log(`oidc-provider issuer ${idp.issuer}`);
}
