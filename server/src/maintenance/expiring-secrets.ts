import { recordAudit } from "../core/audit/audit.service.js";
import type { Db } from "../db/client.js";

/** Secrets expiring within this window are flagged; the dashboard uses the same window for its badge. */
export const EXPIRY_WARNING_DAYS = 14;

/**
 * Writes one "secret.expiring" audit event per live secret that expires within the warning window, so
 * the client's audit log shows it. Idempotent: a secret already flagged is skipped.
 */
export async function flagExpiringSecrets(db: Db, now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 24 * 3600 * 1000);
  const secrets = await db.clientSecret.findMany({
    where: { revokedAt: null, expiresAt: { gt: now, lte: until } },
    select: { id: true, clientId: true, label: true, prefix: true, expiresAt: true },
  });
  if (secrets.length === 0) return 0;
  const flagged = await db.auditEvent.findMany({
    where: { action: "secret.expiring", targetId: { in: secrets.map((secret) => secret.id) } },
    select: { targetId: true },
  });
  const done = new Set(flagged.map((event) => event.targetId));
  let count = 0;
  for (const secret of secrets) {
    if (done.has(secret.id)) continue;
    await recordAudit(db, {
      action: "secret.expiring",
      targetType: "ClientSecret",
      targetId: secret.id,
      clientId: secret.clientId,
      details: { label: secret.label, prefix: secret.prefix, expiresAt: secret.expiresAt?.toISOString() ?? null },
    });
    count++;
  }
  return count;
}
