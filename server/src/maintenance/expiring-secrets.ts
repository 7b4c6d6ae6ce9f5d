import type { Config } from "../config.js";
import { recordAudit } from "../core/audit/audit.service.js";
import { clientOwners } from "../core/client/owners.js";
import { mailPerson } from "../core/mail/mail-person.js";
import { addressesWanting } from "../core/notification/notification.js";
import { enqueueWebhook } from "../core/webhook/webhook.service.js";
import type { Db } from "../db/client.js";

/** Secrets expiring within this window are flagged; the dashboard uses the same window for its badge. */
export const EXPIRY_WARNING_DAYS = 14;

type Flagged = { id: string; clientId: string; label: string; prefix: string; expiresAt: Date | null };

/** Tells the client: a `secret.expiring` webhook to its domains and a mail to its owners. */
async function notify(
  db: Db,
  config: Pick<Config, "smtpUrl" | "mailFrom" | "devOutboxDir" | "publicUrl">,
  secret: Flagged,
  now: Date,
) {
  await enqueueWebhook(db, {
    clientId: secret.clientId,
    event: "secret.expiring",
    payload: {
      secret_id: secret.id,
      label: secret.label,
      prefix: secret.prefix,
      expires_at: secret.expiresAt?.toISOString() ?? null,
    },
    now,
  });
  const { clientName, emails } = await clientOwners(db, secret.clientId, now);
  if (clientName === null || !secret.expiresAt) return;
  const link = new URL(`/clients/${secret.clientId}/secrets`, config.publicUrl).toString();
  // No request caused this mail: each owner reads it in their account's language, else English.
  for (const email of await addressesWanting(db, emails, "SECRET_EXPIRING")) {
    await mailPerson({ db, config }, { email }, "secretExpiring", {
      clientName,
      label: secret.label,
      prefix: secret.prefix,
      expiresAt: secret.expiresAt,
      link,
    });
  }
}

/**
 * Flags every live secret that expires within the warning window: one "secret.expiring" audit event,
 * webhook and owner mail per secret and expiry. Idempotent: a secret already flagged for its current
 * expiry is skipped, so every instance may run it; a changed expiry is flagged again when it comes near.
 */
export async function flagExpiringSecrets(
  db: Db,
  now = new Date(),
  config?: Pick<Config, "smtpUrl" | "mailFrom" | "devOutboxDir" | "publicUrl">,
): Promise<number> {
  const until = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 24 * 3600 * 1000);
  const secrets = await db.clientSecret.findMany({
    where: { revokedAt: null, expiresAt: { gt: now, lte: until } },
    select: { id: true, clientId: true, label: true, prefix: true, expiresAt: true },
  });
  if (secrets.length === 0) return 0;
  const flagged = await db.auditEvent.findMany({
    where: { action: "secret.expiring", targetId: { in: secrets.map((secret) => secret.id) } },
    select: { targetId: true, details: true },
  });
  const done = new Set(flagged.map((event) => `${event.targetId} ${flaggedExpiry(event.details)}`));
  let count = 0;
  for (const secret of secrets) {
    const expiresAt = secret.expiresAt?.toISOString() ?? null;
    if (done.has(`${secret.id} ${expiresAt}`)) continue;
    await recordAudit(db, {
      action: "secret.expiring",
      targetType: "ClientSecret",
      targetId: secret.id,
      clientId: secret.clientId,
      details: { label: secret.label, prefix: secret.prefix, expiresAt },
    });
    // One failing mail server must not keep the other secrets' owners uninformed.
    if (config)
      await notify(db, config, secret, now).catch((error) => console.error("secret.expiring notice failed:", error));
    count++;
  }
  return count;
}

function flaggedExpiry(details: string | null): string | null {
  try {
    const parsed = JSON.parse(details ?? "null") as { expiresAt?: unknown } | null;
    return typeof parsed?.expiresAt === "string" ? parsed.expiresAt : null;
  } catch {
    return null;
  }
}
