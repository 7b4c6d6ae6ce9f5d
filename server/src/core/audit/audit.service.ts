import type { Db } from "../../db/client.js";
import type { Actor } from "../actor.js";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  clientId?: string | null;
  actorUserId?: string | null;
  actorClient?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
};

/** Writes one audit event; never pass secret values in `details`. */
export async function recordAudit(db: Pick<Db, "auditEvent">, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      clientId: entry.clientId ?? null,
      actorUserId: entry.actorUserId ?? null,
      actorClient: entry.actorClient ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 512) ?? null,
    },
  });
}

/** The database handle inside a transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type AuditedChange<T> = {
  result: T;
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Summaries of the target before and after the change (never secret values). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The client the change belongs to, when only the change itself knows it (a new client). */
  clientId?: string;
};

/**
 * Runs an administrative change and writes its audit event in the same transaction: either both
 * happen or neither does.
 */
export async function audited<T>(
  ctx: {
    db: Db;
    viewer: { id: string } | null;
    actor: Actor;
    ip?: string | undefined;
    userAgent?: string | undefined;
  },
  clientId: string | null,
  change: (tx: Tx) => Promise<AuditedChange<T>>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    const { result, action, targetType, targetId, before, after, clientId: changedClient } = await change(tx);
    await recordAudit(tx, {
      action,
      targetType,
      targetId: targetId ?? null,
      clientId: changedClient ?? clientId,
      actorUserId: ctx.viewer?.id ?? null,
      actorClient: ctx.actor.kind === "client" ? ctx.actor.clientId : null,
      details: before || after ? { before: before ?? null, after: after ?? null } : undefined,
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent ?? null,
    });
    return result;
  });
}
