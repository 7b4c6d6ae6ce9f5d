import type { Db } from "../../db/client.js";
import { sha256 } from "../auth/crypto.js";

/**
 * Whether an OpenID Connect session (the engine's single sign-on for apps) still stands on the Gatehouse
 * session in the same browser: that one must be live, belong to the same person, and be no newer than the
 * OIDC sign-in (`loginTs`, seconds). Signing out, revoking the session from the sessions page, deleting the
 * account or changing the password all end the Gatehouse session, and with it every app's silent sign-in.
 */
export async function oidcSessionStands(
  db: Db,
  gatehouseSessionToken: string | undefined,
  oidcSession: { accountId: string; loginTs: number | undefined },
): Promise<boolean> {
  if (!gatehouseSessionToken) return false;
  const session = await db.session.findUnique({
    where: { tokenHash: sha256(gatehouseSessionToken) },
    select: { expiresAt: true, createdAt: true, user: { select: { sub: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabledAt) return false;
  if (session.user.sub !== oidcSession.accountId) return false;
  return Math.floor(session.createdAt.getTime() / 1000) <= (oidcSession.loginTs ?? 0);
}

/**
 * Ends the person's OIDC sessions (the engine's Session rows) once no Gatehouse session of theirs is left,
 * so nothing of their single sign-on outlives their last sign-out. Sessions in other browsers are left to
 * oidcSessionStands, which refuses each one whose Gatehouse session has ended.
 */
export async function endOidcSessionsIfSignedOut(db: Db, user: { id: string; sub: string }): Promise<number> {
  const live = await db.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } });
  if (live > 0) return 0;
  const { count } = await db.oidcRecord.deleteMany({ where: { model: "Session", accountId: user.sub } });
  return count;
}
