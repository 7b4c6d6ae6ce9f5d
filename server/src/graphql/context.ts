import type { Context as HonoContext } from "hono";
import { getCookie } from "hono/cookie";
import { clientIp } from "../auth/client-ip.js";
import { sessionCookieName, sessionFromToken } from "../auth/session.js";
import type { Config } from "../config.js";
import type { Db } from "../db.js";
import type { User } from "../generated/prisma/client.js";

export type Context = {
  db: Db;
  config: Config;
  viewer: User | null;
  sessionId: string | undefined;
  ip: string | undefined;
  userAgent: string | undefined;
  /** Set-Cookie values the HTTP layer adds to the response. */
  setCookies: string[];
};

export type AuthenticatedContext = Context & { viewer: User };

/** Built once per request, before Yoga runs. */
export async function buildContext(c: HonoContext, db: Db, config: Config): Promise<Context> {
  const session = await sessionFromToken(db, getCookie(c, sessionCookieName(config)));
  return {
    db,
    config,
    viewer: session?.user ?? null,
    sessionId: session?.id,
    ip: clientIp(c, config.trustProxy),
    userAgent: c.req.header("user-agent"),
    setCookies: [],
  };
}
