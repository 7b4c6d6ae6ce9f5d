import type { Tx } from "../audit/audit.service.js";

/**
 * After a password reset or change, whoever held the account before is shut out: every session
 * (but the one making the change), every personal API token, and every pending e-mail-change or
 * reset link stop working. A pending e-mail change is how a stolen session keeps the account.
 */
export async function evictOldAccess(tx: Tx, userId: string, keepSessionId?: string) {
  const now = new Date();
  const sessions = await tx.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  const apiTokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  const links = await tx.userToken.updateMany({
    where: { userId, purpose: { in: ["EMAIL_CHANGE", "PASSWORD_RESET"] }, consumedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  return { sessionsEnded: sessions.count, apiTokensRevoked: apiTokens.count, linksCancelled: links.count };
}
