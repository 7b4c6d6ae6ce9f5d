import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { SourceLockout } from "../../rate-limit/limiters.js";
import type { Actor } from "../actor.js";
import { type Clock, systemClock } from "../clock.js";
import { NotAuthenticatedError } from "../errors.js";
import { userForApiToken } from "./api-token.js";
import { authenticateClient, type ClientPurpose, credentialsFromHeaders } from "./client-credentials.js";
import { sessionCookieName, sessionFromToken } from "./session.js";

/** What a strategy may read of a request; each door adapts its own request to this. */
export type AuthnRequest = {
  header(name: string): string | undefined;
  cookie(name: string): string | undefined;
  ip: string | undefined;
  /** Where the door counts this source's bad client credentials; checked before any secret. */
  sourceLockout?: SourceLockout;
};

export type AuthnDeps = { db: Db; config: Config; clock?: Clock };

/**
 * One way of proving who calls. Answers the actor, or null when the request does not use this
 * way at all; throws a CoreError when it does but the proof does not hold.
 */
export type AuthnStrategy = (request: AuthnRequest, deps: AuthnDeps) => Promise<Actor | null>;

export type ClientActor = Extract<Actor, { kind: "client" }>;

/** The three X-Client-* headers an XWMS SDK sends; taken as soon as an id or secret is present. */
export const clientCredentials =
  (purpose: ClientPurpose): AuthnStrategy =>
  async (request, { db, clock = systemClock }) => {
    if (!request.header("x-client-id") && !request.header("x-client-secret")) return null;
    const credentials = credentialsFromHeaders(request.header);
    const auth = await authenticateClient(db, credentials, purpose, request.ip, clock.now(), request.sourceLockout);
    return {
      kind: "client",
      clientId: auth.client.id,
      domainId: auth.domain.id,
      client: auth.client,
      domain: auth.domain,
    };
  };

/** A personal API token: `Authorization: Bearer gha_…`. Any Authorization header must hold a working one. */
export const apiToken: AuthnStrategy = async (request, { db }) => {
  const authorization = request.header("authorization");
  if (!authorization) return null;
  const [scheme, value] = authorization.split(/\s+/, 2);
  const found = scheme?.toLowerCase() === "bearer" && value ? await userForApiToken(db, value) : null;
  if (!found) throw new NotAuthenticatedError("The API token is invalid, expired or revoked");
  return { kind: "apiToken", user: found.user, tokenId: found.tokenId };
};

/**
 * The session cookie, honoured only together with `csrfHeader`, which a cross-site page cannot send,
 * so no form or script elsewhere can act with someone's session. A missing or stale cookie is no proof.
 */
export const sessionCookie =
  (csrfHeader: string): AuthnStrategy =>
  async (request, { db, config }) => {
    if (!request.header(csrfHeader)) return null;
    const session = await sessionFromToken(db, request.cookie(sessionCookieName(config)));
    return session ? { kind: "session", user: session.user, sessionId: session.id, renewal: session.renewal } : null;
  };

/** The first strategy that recognises the request decides; none means anonymous. */
export async function resolveActor(
  strategies: readonly AuthnStrategy[],
  request: AuthnRequest,
  deps: AuthnDeps,
): Promise<Actor> {
  for (const strategy of strategies) {
    const actor = await strategy(request, deps);
    if (actor) return actor;
  }
  return { kind: "anonymous" };
}
