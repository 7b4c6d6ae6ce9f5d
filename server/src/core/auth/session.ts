import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { User } from "../../generated/prisma/client.js";
import { randomToken, sha256 } from "./crypto.js";

/** `__Host-` pins the cookie to this exact origin over https; plain http (local use) cannot carry it. */
export function sessionCookieName(config: Config): string {
  return config.publicUrl.startsWith("https://") ? "__Host-gatehouse_session" : "gatehouse_session";
}

/** A session a service started (token, lifetime) or ended (empty token, 0); the door sets or clears its cookie. */
export type SessionChange = { token: string; maxAgeSeconds: number };

/** Starts a session; returns what the door puts in the cookie. Only the token's hash is stored. */
export async function startSession(
  db: Db,
  config: Config,
  userId: string,
  client: { ip?: string | undefined; userAgent?: string | undefined },
): Promise<SessionChange> {
  const token = randomToken(32);
  const maxAge = config.sessionTtlHours * 3600;
  await db.session.create({
    data: {
      tokenHash: sha256(token),
      userId,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      expiresAt: new Date(Date.now() + maxAge * 1000),
    },
  });
  return { token, maxAgeSeconds: maxAge };
}

/** lastSeenAt is written at most this often per session, so reads do not turn into a write each. */
const TOUCH_INTERVAL_MS = 60_000;

export async function sessionFromToken(db: Db, token: string | undefined): Promise<{ id: string; user: User } | null> {
  if (!token) return null;
  const session = await db.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabledAt) return null;
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests of one session write it once.
    await db.session.updateMany({
      where: { id: session.id, lastSeenAt: { lt: new Date(now - TOUCH_INTERVAL_MS) } },
      data: { lastSeenAt: new Date(now) },
    });
  }
  return { id: session.id, user: session.user };
}

/** Ends the session; returns the change that clears the cookie. */
export async function endSession(db: Db, sessionId: string | undefined): Promise<SessionChange> {
  if (sessionId) await db.session.deleteMany({ where: { id: sessionId } });
  return { token: "", maxAgeSeconds: 0 };
}
