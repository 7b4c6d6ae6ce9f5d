import type { Db } from "../../db/client.js";
import { recordAudit, type Tx } from "../audit/audit.service.js";
import { randomToken } from "../auth/crypto.js";
import { enqueueWebhook } from "../webhook/webhook.service.js";
import { appsToTell, clientsOnlyOwnedBy } from "./deletion.service.js";

export type PurgeOutcome = "PURGED" | "BLOCKED" | "GONE";

/** Rolls the purge's transaction back without an error leaving it. */
class Blocked extends Error {}

/** Stands for a deleted person in the audit log: the same id on every event they took part in. */
export const newTombstoneId = () => `deleted_${randomToken(12)}`;

/**
 * Replaces the person in the audit log: events keep what happened and when, the actor becomes the
 * tombstone, and whatever names them (ip, user agent, details mentioning them) is cleared.
 */
async function tombstoneAudit(tx: Tx, user: { id: string; email: string; sub: string }, tombstone: string) {
  await tx.auditEvent.updateMany({
    where: { actorUserId: user.id },
    data: { actorUserId: null, actorTombstone: tombstone, ip: null, userAgent: null },
  });
  await tx.auditEvent.updateMany({ where: { targetId: user.id }, data: { targetId: tombstone, details: null } });
  await tx.auditEvent.updateMany({
    where: { OR: [user.email, user.sub, user.id].map((value) => ({ details: { contains: value } })) },
    data: { details: null },
  });
}

/**
 * Deletes one account whose grace period is over: tells every app it used (`user.deleted`), moves
 * clients it co-owned to another Owner, tombstones its audit trail and deletes every row about it.
 * One transaction, claimed by deleting the schedule row, so instances racing on it purge once.
 */
export async function purgeAccount(db: Db, deletionId: string, now: Date): Promise<PurgeOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const deletion = await tx.accountDeletion.findUnique({ where: { id: deletionId }, include: { user: true } });
      const { count } = await tx.accountDeletion.deleteMany({ where: { id: deletionId, purgeAt: { lte: now } } });
      if (count !== 1 || !deletion) return "GONE" as const;
      const { user } = deletion;
      // Someone may have made the person an Owner during the grace period: wait until that is resolved.
      if ((await clientsOnlyOwnedBy(tx, user.id, now)).length > 0) throw new Blocked();
      for (const client of await tx.client.findMany({ where: { ownerId: user.id }, select: { id: true } })) {
        const heir = await tx.member.findFirstOrThrow({
          where: {
            clientId: client.id,
            userId: { not: user.id },
            OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
            role: { key: "owner", status: "ACTIVE" },
          },
          orderBy: { createdAt: "asc" },
        });
        await tx.client.update({ where: { id: client.id }, data: { ownerId: heir.userId } });
      }
      const apps = await appsToTell(tx, user.id);
      const tombstone = newTombstoneId();
      for (const app of apps) {
        await enqueueWebhook(tx, {
          clientId: app.id,
          event: "user.deleted",
          payload: { sub: user.sub, client_id: app.id, deleted_at: now.toISOString() },
          now,
        });
      }
      await tombstoneAudit(tx, user, tombstone);
      // Rows that name the person without a foreign key to them.
      await tx.loginToken.deleteMany({ where: { OR: [{ userId: user.id }, { email: user.email }] } });
      await tx.adminSetupLink.updateMany({ where: { email: user.email }, data: { email: null } });
      await tx.adminSetupLink.updateMany({ where: { usedById: user.id }, data: { usedById: null } });
      await tx.rateLimiterFlexible.deleteMany({ where: { key: { contains: user.email } } });
      // Everything else about the person goes with the row (foreign keys cascade or set null).
      await tx.user.delete({ where: { id: user.id } });
      for (const clientId of [null, ...apps.map((app) => app.id)]) {
        await recordAudit(tx, {
          action: "user.deleted",
          targetType: "User",
          targetId: tombstone,
          clientId,
          details: clientId ? { webhook: "user.deleted" } : { appsTold: apps.length },
        });
      }
      return "PURGED" as const;
    });
  } catch (error) {
    if (error instanceof Blocked) return "BLOCKED";
    throw error;
  }
}

/** Purges every account whose grace period ended by `now`; idempotent, so every instance may run it. */
export async function purgeDeletedAccounts(db: Db, now = new Date()): Promise<{ purged: number; blocked: number }> {
  const due = await db.accountDeletion.findMany({
    where: { purgeAt: { lte: now } },
    select: { id: true },
    orderBy: { purgeAt: "asc" },
    take: 100,
  });
  const result = { purged: 0, blocked: 0 };
  for (const { id } of due) {
    const outcome = await purgeAccount(db, id, now);
    if (outcome === "PURGED") result.purged++;
    if (outcome === "BLOCKED") result.blocked++;
  }
  return result;
}
