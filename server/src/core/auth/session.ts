import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import { readSession, touchSession } from "../../db/hot/sessions.js";
import type { User } from "../../generated/prisma/client.js";
import { randomToken, sha256 } from "./crypto.js";

/** `__Host-` pins the cookie to this exact origin over https; plain http (local use) cannot carry it. */
export function sessionCookieName(config: Config): string {
  return config.publicUrl.startsWith("https://") ? "__Host-gatehouse_session" : "gatehouse_session";
}

/**
 * A session a service started (token, lifetime) or ended (empty token, 0); the door sets or clears its cookie.
 * No lifetime (undefined) is a browser session: the cookie ends when the browser does.
 */
export type SessionChange = { token: string; maxAgeSeconds: number | undefined };

/** "Remember me": 30 days, extended by each use. */
export const REMEMBERED_SESSION_SECONDS = 30 * 24 * 3600;

/** Starts a session; returns what the door puts in the cookie. Only the token's hash is stored. */
export async function startSession(
  db: Db,
  config: Config,
  userId: string,
  client: { ip?: string | undefined; userAgent?: string | undefined },
  { remember = false }: { remember?: boolean } = {},
): Promise<SessionChange> {
  const token = randomToken(32);
  // A browser session's cookie ends with the browser; the server still ends it after SESSION_TTL_HOURS.
  const lifetime = remember ? REMEMBERED_SESSION_SECONDS : config.sessionTtlHours * 3600;
  await db.session.create({
    data: {
      tokenHash: sha256(token),
      userId,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      expiresAt: new Date(Date.now() + lifetime * 1000),
      persistent: remember,
    },
  });
  return { token, maxAgeSeconds: remember ? lifetime : undefined };
}

/** lastSeenAt is written at most this often per session, so reads do not turn into a write each. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The live session of a cookie. Using a remembered session slides its end 30 days on; `renewal` is then
 * the cookie that carries the new end to the browser.
 */
export async function sessionFromToken(
  db: Db,
  token: string | undefined,
): Promise<{ id: string; user: User; renewal: SessionChange | undefined } | null> {
  if (!token) return null;
  const sql = hotSqlOf(db);
  const session = await readSession(sql, sha256(token));
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabledAt) return null;
  const now = Date.now();
  let renewal: SessionChange | undefined;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const touched = await touchSession(sql, {
      id: session.id,
      at: new Date(now),
      staleBefore: new Date(now - TOUCH_INTERVAL_MS),
      expiresAt: session.persistent ? new Date(now + REMEMBERED_SESSION_SECONDS * 1000) : undefined,
    });
    if (touched && session.persistent) renewal = { token, maxAgeSeconds: REMEMBERED_SESSION_SECONDS };
  }
  return { id: session.id, user: session.user, renewal };
}

/** Ends the session; returns the change that clears the cookie. */
export async function endSession(db: Db, sessionId: string | undefined): Promise<SessionChange> {
  if (sessionId) await db.session.deleteMany({ where: { id: sessionId } });
  return { token: "", maxAgeSeconds: 0 };
}
