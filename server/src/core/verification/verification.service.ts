import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, NotFoundError, ValidationError } from "../errors.js";
import { requireStaffPowers } from "../staff/staff-access.js";
import { validate } from "../validate.js";
import { mailVerificationChange } from "./verification-notice.js";

const note = z.string().trim().max(2000, "Use at most 2000 characters.");

const requestInput = z.object({
  domainIds: z.array(z.string()).min(1, "Choose at least one domain to verify."),
  scopeKeys: z.array(z.string().trim()),
  notes: note.nullish(),
});

export async function requestVerification({
  ctx,
  clientId,
  input,
}: {
  ctx: ServiceContext;
  clientId: string;
  input: { domainIds: string[]; scopeKeys: string[]; notes?: string | null };
}) {
  const data = validate(requestInput, input);
  await requirePermission(ctx, clientId, "verification:manage");
  const domainIds = [...new Set(data.domainIds)];
  const domains = await ctx.db.domain.findMany({
    where: { id: { in: domainIds }, clientId },
    select: { id: true, rootDomain: true },
  });
  // Domains of other clients answer exactly like missing ones.
  if (domains.length !== domainIds.length) throw new NotFoundError("Domain not found.");
  const scopeKeys = [...new Set(data.scopeKeys)];
  const scopes = await ctx.db.scope.findMany({ where: { key: { in: scopeKeys } }, select: { id: true, key: true } });
  const unknown = scopeKeys.filter((key) => !scopes.some((scope) => scope.key === key));
  if (unknown.length > 0) {
    const message = `Unknown scope: ${unknown.join(", ")}.`;
    throw new ValidationError(message, [{ field: "scopeKeys", message }]);
  }
  const created = await audited(ctx, clientId, async (tx) => {
    if (await tx.verificationRequest.findFirst({ where: { clientId, status: "PENDING" }, select: { id: true } })) {
      throw new ConflictError("This client already has a pending verification request.");
    }
    const row = await tx.verificationRequest.create({
      data: {
        clientId,
        requestedById: ctx.viewer?.id ?? null,
        notes: data.notes || null,
        domains: { create: domainIds.map((domainId) => ({ domainId })) },
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
    return {
      result: row,
      action: "verification.requested",
      targetType: "VerificationRequest",
      targetId: row.id,
      after: { status: row.status, domainIds, scopeKeys },
    };
  });
  await mailVerificationChange(ctx, clientId, "requested", {
    domains: domains.map((domain) => domain.rootDomain).sort(),
    scopes: scopeKeys.sort(),
    note: data.notes || null,
  });
  return created;
}

const requireStaff = (ctx: ServiceContext) => requireStaffPowers(ctx, "review verification requests");

async function loadRequest(ctx: ServiceContext, requestId: string) {
  const request = await ctx.db.verificationRequest.findUnique({
    where: { id: requestId },
    include: {
      domains: { include: { domain: { select: { rootDomain: true } } } },
      scopes: { include: { scope: { select: { key: true } } } },
    },
  });
  if (!request) throw new NotFoundError("Verification request not found.");
  return request;
}

/** The part of the request staff decide on; a name outside the request is a field error, never a silent widening. */
function pickSubset(requested: readonly string[], chosen: readonly string[] | null | undefined, field: string) {
  if (chosen === null || chosen === undefined) return new Set(requested);
  const outside = chosen.filter((value) => !requested.includes(value));
  if (outside.length > 0) {
    const message = `Not part of this request: ${outside.join(", ")}.`;
    throw new ValidationError(message, [{ field, message }]);
  }
  return new Set(chosen);
}

/** Conditional update, so that two reviewers cannot both decide the same request. */
async function decide(tx: Tx, requestId: string, data: Prisma.VerificationRequestUncheckedUpdateManyInput) {
  const { count } = await tx.verificationRequest.updateMany({ where: { id: requestId, status: "PENDING" }, data });
  if (count === 0) {
    const current = await tx.verificationRequest.findUnique({ where: { id: requestId }, select: { status: true } });
    if (current?.status === "CANCELLED") throw new ConflictError("The client cancelled this request.");
    throw new ConflictError("This request has already been reviewed.");
  }
}

/**
 * Approves what staff choose of the request (all of it by default): those domains and scopes, no
 * others. The client becomes VERIFIED; VERIFIED-tier scopes then work only as approved, per domain.
 */
export async function approveVerification({
  ctx,
  requestId,
  note: reviewNote,
  domainIds,
  scopeKeys,
}: {
  ctx: ServiceContext;
  requestId: string;
  note?: string | null;
  domainIds?: string[] | null;
  scopeKeys?: string[] | null;
}) {
  const staff = await requireStaff(ctx);
  const data = validate(z.object({ note: note.nullish() }), { note: reviewNote });
  const request = await loadRequest(ctx, requestId);
  const domains = pickSubset(
    request.domains.map((link) => link.domainId),
    domainIds,
    "domainIds",
  );
  if (domains.size === 0) {
    const message = "Approve at least one domain, or reject the request.";
    throw new ValidationError(message, [{ field: "domainIds", message }]);
  }
  const scopes = pickSubset(
    request.scopes.map((link) => link.scope.key),
    scopeKeys,
    "scopeKeys",
  );
  const approvedDomains = request.domains.filter((link) => domains.has(link.domainId));
  const approvedScopes = request.scopes.filter((link) => scopes.has(link.scope.key));
  const summary = {
    domains: approvedDomains.map((link) => link.domain.rootDomain).sort(),
    scopes: approvedScopes.map((link) => link.scope.key).sort(),
  };
  const result = await audited(ctx, request.clientId, async (tx) => {
    await decide(tx, request.id, {
      status: "APPROVED",
      reviewNote: data.note || null,
      reviewedById: staff.id,
      reviewedAt: ctx.clock.now(),
    });
    for (const link of request.domains) {
      await tx.verificationRequestDomain.update({
        where: { verificationRequestId_domainId: { verificationRequestId: request.id, domainId: link.domainId } },
        data: { approved: domains.has(link.domainId) },
      });
    }
    for (const link of request.scopes) {
      await tx.verificationRequestScope.update({
        where: { verificationRequestId_scopeId: { verificationRequestId: request.id, scopeId: link.scopeId } },
        data: { approved: scopes.has(link.scope.key) },
      });
    }
    await tx.client.update({ where: { id: request.clientId }, data: { verification: "VERIFIED" } });
    const partial = approvedDomains.length < request.domains.length || approvedScopes.length < request.scopes.length;
    return {
      result: await tx.verificationRequest.findUniqueOrThrow({ where: { id: request.id } }),
      action: partial ? "verification.partially_approved" : "verification.approved",
      targetType: "VerificationRequest",
      targetId: request.id,
      before: { status: request.status },
      after: { status: "APPROVED", reviewNote: data.note || null, ...summary },
    };
  });
  await mailVerificationChange(ctx, request.clientId, "approved", { ...summary, note: data.note || null });
  return result;
}

const requiredNote = (why: string) => z.object({ note: note.min(1, why) });

export async function rejectVerification({
  ctx,
  requestId,
  note: reviewNote,
}: {
  ctx: ServiceContext;
  requestId: string;
  note: string;
}) {
  const staff = await requireStaff(ctx);
  const data = validate(requiredNote("Tell the client why the request was rejected."), { note: reviewNote });
  const request = await loadRequest(ctx, requestId);
  const result = await audited(ctx, request.clientId, async (tx) => {
    await decide(tx, request.id, {
      status: "REJECTED",
      reviewNote: data.note,
      reviewedById: staff.id,
      reviewedAt: ctx.clock.now(),
    });
    return {
      result: await tx.verificationRequest.findUniqueOrThrow({ where: { id: request.id } }),
      action: "verification.rejected",
      targetType: "VerificationRequest",
      targetId: request.id,
      before: { status: request.status },
      after: { status: "REJECTED", reviewNote: data.note },
    };
  });
  await mailVerificationChange(ctx, request.clientId, "rejected", { note: data.note });
  return result;
}

/**
 * Staff withdraw an approval later. What it approved stops working at once; the client stays
 * VERIFIED only while another approval is live.
 */
export async function revokeVerification({
  ctx,
  requestId,
  note: revokeNote,
}: {
  ctx: ServiceContext;
  requestId: string;
  note: string;
}) {
  const staff = await requireStaff(ctx);
  const data = validate(requiredNote("Tell the client why the verification was revoked."), { note: revokeNote });
  const request = await loadRequest(ctx, requestId);
  const result = await audited(ctx, request.clientId, async (tx) => {
    const { count } = await tx.verificationRequest.updateMany({
      where: { id: request.id, status: "APPROVED", revokedAt: null },
      data: { revokedAt: ctx.clock.now(), revokedById: staff.id, revokeNote: data.note },
    });
    if (count === 0) throw new ConflictError("Only a live approved verification can be revoked.");
    const stillLive = await tx.verificationRequest.count({
      where: { clientId: request.clientId, status: "APPROVED", revokedAt: null },
    });
    if (stillLive === 0) {
      await tx.client.update({ where: { id: request.clientId }, data: { verification: "UNVERIFIED" } });
    }
    return {
      result: await tx.verificationRequest.findUniqueOrThrow({ where: { id: request.id } }),
      action: "verification.revoked",
      targetType: "VerificationRequest",
      targetId: request.id,
      before: { status: "APPROVED", revokedAt: null },
      after: { status: "APPROVED", revokedAt: ctx.clock.now().toISOString(), revokeNote: data.note },
    };
  });
  await mailVerificationChange(ctx, request.clientId, "revoked", { note: data.note });
  return result;
}

/** The client withdraws its own pending request. */
export async function cancelVerificationRequest({ ctx, requestId }: { ctx: ServiceContext; requestId: string }) {
  const found = await ctx.db.verificationRequest.findUnique({ where: { id: requestId } });
  const request = await requireOwned(ctx, found, "verification:manage", "Verification request");
  const result = await audited(ctx, request.clientId, async (tx) => {
    await decide(tx, request.id, { status: "CANCELLED" });
    return {
      result: await tx.verificationRequest.findUniqueOrThrow({ where: { id: request.id } }),
      action: "verification.cancelled",
      targetType: "VerificationRequest",
      targetId: request.id,
      before: { status: request.status },
      after: { status: "CANCELLED" },
    };
  });
  await mailVerificationChange(ctx, request.clientId, "cancelled", {});
  return result;
}
