import { createPublicKey, verify } from "node:crypto";
import * as oidc from "openid-client";
import { newClientSecret } from "../src/core/secret/secret-value.js";
import type { Db } from "../src/db/client.js";
import { createPartner } from "./fixtures.js";
import { type Browser, COMPLETE_LOGIN, registeredBrowser, type TestServer } from "./harness.js";

export const CALLBACK = "http://localhost/callback";

/** A partner whose domain has the loopback callback registered, as the demo client has. */
export async function oidcPartner(db: Db, options: Parameters<typeof createPartner>[1] = {}) {
  const partner = await createPartner(db, { rootDomain: "localhost", ...options });
  await db.domainUrl.create({ data: { domainId: partner.domain.id, kind: "CALLBACK", url: CALLBACK } });
  return partner;
}

/** Another live secret of the client, linked to the given domains. */
export async function addSecret(
  db: Db,
  clientId: string,
  domainIds: string[],
  data: { revokedAt?: Date; expiresAt?: Date } = {},
) {
  const secret = newClientSecret();
  await db.clientSecret.create({
    data: {
      clientId,
      secretHash: secret.secretHash,
      prefix: secret.prefix,
      ...data,
      domainLinks: { create: domainIds.map((domainId) => ({ domainId })) },
    },
  });
  return secret.value;
}

/** openid-client's view of Gatehouse for one client, found through discovery over plain http. */
export async function relyingParty(
  server: TestServer,
  clientId: string,
  secret: string,
  auth: "basic" | "post" = "basic",
) {
  return oidc.discovery(
    new URL(server.baseUrl),
    clientId,
    undefined,
    auth === "basic" ? oidc.ClientSecretBasic(secret) : oidc.ClientSecretPost(secret),
    { execute: [oidc.allowInsecureRequests] },
  );
}

export type Authorization = { url: URL; verifier: string; state: string; nonce: string; redirectUri: string };

export async function authorization(
  config: oidc.Configuration,
  options: { redirectUri?: string; scope?: string; pkce?: boolean } = {},
): Promise<Authorization> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const redirectUri = options.redirectUri ?? CALLBACK;
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: options.scope ?? "openid profile email",
    state,
    nonce,
  };
  if (options.pkce !== false) {
    parameters.code_challenge = await oidc.calculatePKCECodeChallenge(verifier);
    parameters.code_challenge_method = "S256";
  }
  return { url: oidc.buildAuthorizationUrl(config, parameters), verifier, state, nonce, redirectUri };
}

/**
 * The browser's side of a login: follows redirects on Gatehouse's origin and takes the hosted sign-in and
 * consent page the way the SPA does (completeLogin); stops at the first redirect off Gatehouse.
 */
export async function browse(server: TestServer, browser: Browser, start: URL | string, approve = true) {
  let next = new URL(start, server.baseUrl);
  for (let hop = 0; hop < 12; hop++) {
    if (next.origin !== server.baseUrl) return { redirect: next };
    if (next.pathname === "/authorize") {
      const token = next.searchParams.get("token") ?? "";
      const result = await browser.graphql<{
        completeLogin: { __typename: string; data?: { redirectUrl: string }; redirectUrl?: string };
      }>(COMPLETE_LOGIN, { input: { token, approve } });
      const payload = result.data?.completeLogin;
      const to = payload?.data?.redirectUrl ?? payload?.redirectUrl;
      if (!to) return { page: payload };
      next = new URL(to);
      continue;
    }
    const response = await browser.get(next.toString());
    const location = response.headers.get("location");
    if (!location) return { status: response.status, body: await response.text() };
    next = new URL(location, next);
  }
  throw new Error("too many redirects");
}

/** Signs a new person in and takes them through the authorization; answers the callback URL with the code. */
export async function signInThrough(server: TestServer, auth: Authorization, browser?: Browser) {
  const person = browser ? { browser } : await registeredBrowser(server);
  const result = await browse(server, person.browser, auth.url);
  if (!result.redirect) throw new Error(`no redirect to the app: ${JSON.stringify(result)}`);
  return { ...person, callback: result.redirect };
}

/** Checks a JWS against the issuer's published JWKS with Node's crypto, independent of openid-client. */
export async function verifiedWithJwks(server: TestServer, jwt: string): Promise<Record<string, unknown>> {
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const { alg, kid } = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string; kid: string };
  if (alg !== "RS256") throw new Error(`unexpected alg ${alg}`);
  const jwks = (await (await fetch(`${server.baseUrl}/oauth/jwks`)).json()) as { keys: { kid: string }[] };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk) throw new Error(`kid ${kid} is not published`);
  const ok = verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk as never, format: "jwk" }),
    Buffer.from(signature, "base64url"),
  );
  if (!ok) throw new Error("signature does not verify");
  return JSON.parse(Buffer.from(payload, "base64url").toString());
}
