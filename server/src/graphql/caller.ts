import type { Context as HonoContext } from "hono";
import { getCookie } from "hono/cookie";
import type { Config } from "../config.js";
import type { Caller } from "../core/access.js";
import { userForApiToken } from "../core/auth/api-token.js";
import { authenticateClient, credentialsFromHeaders } from "../core/auth/client-credentials.js";
import { sessionCookieName, sessionFromToken } from "../core/auth/session.js";
import type { Db } from "../db/client.js";
import { clientIp } from "../http/client-ip.js";
import { XwmsError } from "../xwms/envelope.js";
import { CSRF_HEADER } from "./csrf.js";

/** Thrown when a caller presents credentials that do not work; answered with 401. */
export class CallerRejected extends Error {}

/**
 * Works out who is calling, in order: client credentials (X-Client-*), a personal API token
 * (Bearer), then the session cookie. The cookie counts only with the CSRF header, which a
 * cross-site page cannot send, so no form or script elsewhere can act with someone's session.
 */
export async function resolveCaller(c: HonoContext, db: Db, config: Config): Promise<Caller> {
  if (c.req.header("x-client-id") || c.req.header("x-client-secret")) {
    try {
      const auth = await authenticateClient(
        db,
        credentialsFromHeaders((name) => c.req.header(name)),
        "api",
        clientIp(c, config.trustProxy),
      );
      return { kind: "client", clientId: auth.client.id, domainId: auth.domain.id };
    } catch (error) {
      if (error instanceof XwmsError) throw new CallerRejected(error.message);
      throw error;
    }
  }

  const authorization = c.req.header("authorization");
  if (authorization) {
    const [scheme, value] = authorization.split(/\s+/, 2);
    const found = scheme?.toLowerCase() === "bearer" && value ? await userForApiToken(db, value) : null;
    if (!found) throw new CallerRejected("The API token is invalid, expired or revoked");
    return { kind: "apiToken", user: found.user, tokenId: found.tokenId };
  }

  if (c.req.header(CSRF_HEADER)) {
    const session = await sessionFromToken(db, getCookie(c, sessionCookieName(config)));
    if (session) return { kind: "session", user: session.user, sessionId: session.id };
  }
  return { kind: "anonymous" };
}
