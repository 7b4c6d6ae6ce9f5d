import { audited } from "../audit/audit.service.js";
import { requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ForbiddenError, NotFoundError } from "../errors.js";

/** A scope the client may see: the platform catalogue and its own private scopes, never another client's. */
async function catalogueScope(ctx: ServiceContext, scopeKey: string, clientId: string) {
  const scope = await ctx.db.scope.findUnique({ where: { key: scopeKey.trim() } });
  if (!scope || (scope.ownerClientId !== null && scope.ownerClientId !== clientId))
    throw new NotFoundError(`There is no scope called "${scopeKey}".`);
  return scope;
}

/**
 * Whether staff approved this VERIFIED-tier scope for the client in a live verification; a client
 * verified without any request (seeded, or from before requests named scopes) may use every one.
 */
async function verifiedFor(ctx: ServiceContext, clientId: string, scopeId: string): Promise<boolean> {
  const approvals = await ctx.db.verificationRequest.count({ where: { clientId, status: "APPROVED" } });
  if (approvals === 0) return true;
  const approved = await ctx.db.verificationRequestScope.count({
    where: {
      scopeId,
      OR: [{ approved: null }, { approved: true }],
      verificationRequest: { clientId, status: "APPROVED", revokedAt: null },
    },
  });
  return approved > 0;
}

/** Enables a catalogue scope for the client; VERIFIED-tier scopes need a verified client. Idempotent. */
export async function enableClientScope({
  ctx,
  clientId,
  scopeKey,
}: {
  ctx: ServiceContext;
  clientId: string;
  scopeKey: string;
}) {
  await requirePermission(ctx, clientId, "scopes:manage");
  const scope = await catalogueScope(ctx, scopeKey, clientId);
  const client = await ctx.db.client.findUniqueOrThrow({ where: { id: clientId } });
  if (scope.tier === "VERIFIED" && client.verification !== "VERIFIED") {
    throw new ForbiddenError(
      `The ${scope.key} scope is for verified partners only. The client must be verified first (Verification Center).`,
    );
  }
  if (scope.tier === "VERIFIED" && !(await verifiedFor(ctx, clientId, scope.id))) {
    throw new ForbiddenError(
      `The ${scope.key} scope was not part of the client's approved verification. Ask for it in a new request (Verification Center).`,
    );
  }
  const where = { clientId_scopeId: { clientId, scopeId: scope.id } };
  const existing = await ctx.db.clientScope.findUnique({ where, include: { scope: true } });
  if (existing?.enabled) return existing;
  return audited(ctx, clientId, async (tx) => {
    const enabled = await tx.clientScope.upsert({
      where,
      create: { clientId, scopeId: scope.id, enabled: true },
      update: { enabled: true },
      include: { scope: true },
    });
    return {
      result: enabled,
      action: "client_scope.enabled",
      targetType: "ClientScope",
      targetId: scope.key,
      before: { scope: scope.key, enabled: false },
      after: { scope: scope.key, enabled: true },
    };
  });
}

/** Disables a scope the client had enabled (the row stays, so re-enabling keeps its history). Idempotent. */
export async function disableClientScope({
  ctx,
  clientId,
  scopeKey,
}: {
  ctx: ServiceContext;
  clientId: string;
  scopeKey: string;
}) {
  await requirePermission(ctx, clientId, "scopes:manage");
  const scope = await catalogueScope(ctx, scopeKey, clientId);
  const where = { clientId_scopeId: { clientId, scopeId: scope.id } };
  const existing = await ctx.db.clientScope.findUnique({ where, include: { scope: true } });
  if (!existing) throw new NotFoundError(`The ${scope.key} scope is not enabled for this client.`);
  if (!existing.enabled) return existing;
  return audited(ctx, clientId, async (tx) => {
    const disabled = await tx.clientScope.update({ where, data: { enabled: false }, include: { scope: true } });
    return {
      result: disabled,
      action: "client_scope.disabled",
      targetType: "ClientScope",
      targetId: scope.key,
      before: { scope: scope.key, enabled: true },
      after: { scope: scope.key, enabled: false },
    };
  });
}
