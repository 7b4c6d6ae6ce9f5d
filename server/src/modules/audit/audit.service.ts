import type { Db } from "../../db.js";

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
