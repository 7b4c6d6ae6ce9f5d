import type { Context as HonoContext } from "hono";
import type { Config } from "../config.js";
import { Access, type Caller } from "../core/access.js";
import type { Db } from "../db/client.js";
import type { User } from "../generated/prisma/client.js";
import { clientIp } from "../http/client-ip.js";
import type { RateLimiters } from "../rate-limit/limiters.js";
import { resolveCaller } from "./caller.js";

export type Context = {
  db: Db;
  config: Config;
  caller: Caller;
  /** The signed-in person (session or API token); null for anonymous and client-credential callers. */
  viewer: User | null;
  sessionId: string | undefined;
  access: Access;
  ip: string | undefined;
  userAgent: string | undefined;
  /** Set-Cookie values the HTTP layer adds to the response. */
  setCookies: string[];
  /** The app's shared rate limiters (sign-in lockout). */
  rateLimiters: RateLimiters;
};

export type AuthenticatedContext = Context & { viewer: User };

/** Built once per request, before Yoga runs; throws CallerRejected for credentials that do not work. */
export async function buildContext(
  c: HonoContext,
  db: Db,
  config: Config,
  rateLimiters: RateLimiters,
): Promise<Context> {
  const caller = await resolveCaller(c, db, config);
  return {
    db,
    config,
    caller,
    viewer: caller.kind === "session" || caller.kind === "apiToken" ? caller.user : null,
    sessionId: caller.kind === "session" ? caller.sessionId : undefined,
    access: new Access(db, caller),
    ip: clientIp(c, config.trustProxy),
    userAgent: c.req.header("user-agent"),
    setCookies: [],
    rateLimiters,
  };
}
