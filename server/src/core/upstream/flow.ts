import { createHmac } from "node:crypto";
import * as oidc from "openid-client";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { digestsEqual, randomToken, sha256 } from "../auth/crypto.js";
import { serverSecret } from "../auth/server-secret.js";
import { UpstreamSignInError } from "../errors.js";
import { emailVouchedFor } from "./presets.js";
import { enabledProvider, redirectUri, type UpstreamProvider } from "./providers.js";

/** How long a browser may spend at the provider before the callback is refused. */
const FLOW_TTL_MS = 10 * 60 * 1000;

/** What the provider told us about the person, after the ID token was validated. */
export type UpstreamClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  picture: string | null;
};

/** A path on Gatehouse to return to (the hosted login page, the account page); anything else becomes /account. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2048 || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/account";
  }
  return value;
}

/** A provider's discovered configuration (metadata and JWKS) is kept this long per instance. */
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const discovered = new Map<string, { configuration: Promise<oidc.Configuration>; at: number }>();

/**
 * The provider's configuration, discovered once per issuer, client and secret, then reused for ten minutes:
 * a sign-in's start and callback (and every other sign-in) need not fetch the metadata and keys again. A
 * changed secret or issuer is a new key; a failed discovery is not kept.
 */
async function discover(provider: UpstreamProvider): Promise<oidc.Configuration> {
  const secret = await provider.clientSecret();
  const key = sha256(`${provider.issuer}\n${provider.clientId}\n${secret}`);
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const configuration = discoverNow(provider, secret);
  discovered.set(key, { configuration, at: Date.now() });
  configuration.catch(() => discovered.delete(key));
  return configuration;
}

async function discoverNow(provider: UpstreamProvider, secret: string): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer);
  // Plain http is only ever a loopback issuer outside production (issuerProblem refuses the rest).
  const insecure = issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : undefined;
  const config = await oidc.discovery(issuer, provider.clientId, undefined, oidc.ClientSecretPost(secret), {
    ...insecure,
    timeout: 10,
  });
  // Verify the ID token's signature against the issuer's JWKS too, not only the TLS channel.
  oidc.enableNonRepudiationChecks(config);
  return config;
}

/** The PKCE verifier and nonce of a flow, derived from its state, so neither needs storing. */
async function flowSecrets(db: Db, state: string) {
  const key = await serverSecret(db, "upstream-flow");
  const derive = (purpose: string) => createHmac("sha256", key).update(`${purpose}:${state}`).digest("base64url");
  return { codeVerifier: derive("pkce"), nonce: derive("nonce") };
}

/**
 * Starts a sign-in at the provider: records the flow (hashed state, return path) and answers the
 * provider's authorization URL and the state the door binds to this browser in a cookie.
 */
export async function startUpstream({
  db,
  config,
  slug,
  returnTo,
}: {
  db: Db;
  config: Config;
  slug: string;
  returnTo: string | null | undefined;
}): Promise<{ url: string; state: string }> {
  const provider = await enabledProvider(db, config, slug);
  if (!provider) throw new UpstreamSignInError("UNKNOWN_PROVIDER");
  let configuration: oidc.Configuration;
  try {
    configuration = await discover(provider);
  } catch {
    throw new UpstreamSignInError("PROVIDER_ERROR");
  }
  const state = randomToken(32);
  const { codeVerifier, nonce } = await flowSecrets(db, state);
  await db.upstreamFlow.create({
    data: {
      stateHash: sha256(state),
      providerSlug: provider.slug,
      returnTo: safeReturnPath(returnTo),
      expiresAt: new Date(Date.now() + FLOW_TTL_MS),
    },
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(config, provider.slug),
    scope: provider.scopes.join(" "),
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, state };
}

/**
 * Takes the provider's callback: the state must be this browser's (cookie) and its flow unused and
 * fresh; then the code is redeemed with the PKCE verifier and the ID token checked (issuer, audience,
 * expiry, nonce, signature). Answers the validated claims and where the browser goes afterwards.
 */
export async function finishUpstream({
  db,
  config,
  slug,
  query,
  browserState,
}: {
  db: Db;
  config: Config;
  slug: string;
  /** The callback's query string, as the provider sent it. */
  query: URLSearchParams;
  /** The state this browser was given at the start (its cookie). */
  browserState: string | undefined;
}): Promise<{ provider: UpstreamProvider; claims: UpstreamClaims; returnTo: string }> {
  const state = query.get("state");
  if (!state || !browserState || !digestsEqual(sha256(state), sha256(browserState))) {
    throw new UpstreamSignInError("STATE_MISMATCH");
  }
  // Single use: whoever marks the flow consumed first goes on; a replay or a late callback does not.
  const flow = await db.upstreamFlow.findUnique({ where: { stateHash: sha256(state) } });
  const claimed = flow
    ? await db.upstreamFlow.updateMany({
        where: { id: flow.id, providerSlug: slug, consumedAt: null, expiresAt: { gt: new Date() } },
        data: { consumedAt: new Date() },
      })
    : { count: 0 };
  if (!flow || claimed.count !== 1) throw new UpstreamSignInError("EXPIRED");
  if (query.get("error")) throw new UpstreamSignInError("DENIED");

  const provider = await enabledProvider(db, config, slug);
  if (!provider) throw new UpstreamSignInError("UNKNOWN_PROVIDER");
  const { codeVerifier, nonce } = await flowSecrets(db, state);
  // The registered redirect URI, whatever host or proxy the request came through.
  const callbackUrl = new URL(redirectUri(config, slug));
  callbackUrl.search = query.toString();
  let claims: oidc.IDToken | undefined;
  try {
    const configuration = await discover(provider);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch {
    throw new UpstreamSignInError("PROVIDER_ERROR");
  }
  if (!claims) throw new UpstreamSignInError("PROVIDER_ERROR");
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 320) : null);
  const email = text(claims.email)?.toLowerCase() ?? null;
  return {
    provider,
    returnTo: flow.returnTo,
    claims: {
      issuer: claims.iss,
      subject: claims.sub,
      email,
      // A literal email_verified: true, or (Microsoft preset only) Microsoft's own verified-e-mail claims.
      emailVerified: emailVouchedFor(provider.kind, email, claims),
      name: text(claims.name),
      givenName: text(claims.given_name),
      familyName: text(claims.family_name),
      picture: text(claims.picture)?.startsWith("https://") ? text(claims.picture) : null,
    },
  };
}
