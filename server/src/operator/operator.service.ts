// What an operator does from the command line, as the "system" actor: on the services, never raw SQL.
import { z } from "zod";
import { createSetupLink, type SetupLink } from "../core/admin-setup/setup-link.js";
import { recordAudit, type Tx } from "../core/audit/audit.service.js";
import type { Db } from "../db/client.js";

export class OperatorError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

type SystemChange<T> = {
  result: T;
  action: string;
  targetType: string;
  targetId: string;
  clientId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Runs a change and its audit event (actor "system", via the CLI) in one transaction. */
async function systemAudited<T>(db: Db, change: (tx: Tx) => Promise<SystemChange<T>>): Promise<T> {
  return db.$transaction(async (tx) => {
    const { result, action, targetType, targetId, clientId, before, after } = await change(tx);
    await recordAudit(tx, {
      action,
      targetType,
      targetId,
      clientId: clientId ?? null,
      details: { actor: "system", via: "cli", before: before ?? null, after: after ?? null },
    });
    return result;
  });
}

const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(320));

/** A person by e-mail address, public `sub` or internal id. */
async function findUser(db: Db, who: string) {
  const key = who.trim();
  const user = key.includes("@")
    ? await db.user.findUnique({ where: { email: key.toLowerCase() } })
    : await db.user.findFirst({ where: { OR: [{ sub: key }, { id: key }] } });
  if (!user) throw new OperatorError("not_found", `No user is known as "${key}".`);
  return user;
}

/** `admin create --email`: a single-use link that makes this address (new or existing) ADMIN. */
export async function createAdminLink(
  db: Db,
  publicUrl: string,
  email: string,
): Promise<SetupLink & { existingAccount: boolean }> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new OperatorError("invalid", `"${email}" is not a valid e-mail address.`);
  const existing = await db.user.findUnique({ where: { email: parsed.data }, select: { id: true } });
  const link = await createSetupLink(db, publicUrl, parsed.data);
  await recordAudit(db, {
    action: "platform.admin_link_created",
    targetType: "User",
    targetId: existing?.id ?? null,
    details: { actor: "system", via: "cli", email: parsed.data, expiresAt: link.expiresAt.toISOString() },
  });
  return { ...link, existingAccount: existing !== null };
}

export type UserSummary = { id: string; sub: string; email: string; disabled: boolean; sessionsEnded?: number };

/** Disabling ends every session; a disabled person cannot sign in and partners no longer find them. */
export async function setUserDisabled(db: Db, who: string, disabled: boolean): Promise<UserSummary> {
  const user = await findUser(db, who);
  if (Boolean(user.disabledAt) === disabled) {
    throw new OperatorError("conflict", `${user.email} is already ${disabled ? "disabled" : "enabled"}.`);
  }
  return systemAudited(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? new Date() : null } });
    const ended = disabled ? (await tx.session.deleteMany({ where: { userId: user.id } })).count : 0;
    return {
      result: { id: user.id, sub: user.sub, email: user.email, disabled, sessionsEnded: ended },
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "User",
      targetId: user.id,
      before: { disabled: !disabled },
      after: { disabled },
    };
  });
}

export async function revokeUserSessions(db: Db, who: string): Promise<UserSummary> {
  const user = await findUser(db, who);
  return systemAudited(db, async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    return {
      result: {
        id: user.id,
        sub: user.sub,
        email: user.email,
        disabled: user.disabledAt !== null,
        sessionsEnded: count,
      },
      action: "user.sessions_revoked",
      targetType: "User",
      targetId: user.id,
      after: { sessionsEnded: count },
    };
  });
}

export type ClientSummary = {
  id: string;
  name: string;
  owner: string;
  verification: string;
  domains: string[];
  activeSecrets: number;
  createdAt: string;
};

export async function listClients(db: Db): Promise<ClientSummary[]> {
  const clients = await db.client.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      owner: { select: { email: true } },
      domains: { select: { rootDomain: true }, orderBy: { rootDomain: "asc" } },
      secrets: { where: { revokedAt: null }, select: { id: true } },
    },
  });
  return clients.map((client) => ({
    id: client.id,
    name: client.name,
    owner: client.owner.email,
    verification: client.verification,
    domains: client.domains.map((domain) => domain.rootDomain),
    activeSecrets: client.secrets.length,
    createdAt: client.createdAt.toISOString(),
  }));
}

/** Emergency revocation of a leaked client secret; it stops working on the next request. */
export async function revokeSecret(db: Db, secretId: string) {
  const secret = await db.clientSecret.findUnique({ where: { id: secretId.trim() } });
  if (!secret) throw new OperatorError("not_found", `No client secret has the id "${secretId}".`);
  if (secret.revokedAt) throw new OperatorError("conflict", "This client secret is already revoked.");
  return systemAudited(db, async (tx) => {
    const revoked = await tx.clientSecret.update({ where: { id: secret.id }, data: { revokedAt: new Date() } });
    const revokedAt = revoked.revokedAt?.toISOString() ?? null;
    return {
      result: { id: secret.id, clientId: secret.clientId, label: secret.label, prefix: secret.prefix, revokedAt },
      action: "secret.revoked",
      targetType: "ClientSecret",
      targetId: secret.id,
      clientId: secret.clientId,
      before: { label: secret.label, prefix: secret.prefix, revokedAt: null },
      after: { label: secret.label, prefix: secret.prefix, revokedAt },
    };
  });
}
