import { z } from "zod";
import { audited } from "../audit/audit.service.js";
import { requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import { validate } from "../validate.js";

const requestInput = z.object({
  domainIds: z.array(z.string()).min(1, "Choose at least one domain to verify."),
  scopeKeys: z.array(z.string().trim()),
  notes: z.string().trim().max(2000, "Use at most 2000 characters.").nullish(),
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
  const domains = await ctx.db.domain.findMany({ where: { id: { in: domainIds }, clientId }, select: { id: true } });
  // Domains of other clients answer exactly like missing ones.
  if (domains.length !== domainIds.length) throw new NotFoundError("Domain not found.");
  const scopeKeys = [...new Set(data.scopeKeys)];
  const scopes = await ctx.db.scope.findMany({ where: { key: { in: scopeKeys } }, select: { id: true, key: true } });
  const unknown = scopeKeys.filter((key) => !scopes.some((scope) => scope.key === key));
  if (unknown.length > 0) {
    const message = `Unknown scope: ${unknown.join(", ")}.`;
    throw new ValidationError(message, [{ field: "scopeKeys", message }]);
  }
  return audited(ctx, clientId, async (tx) => {
    if (await tx.verificationRequest.findFirst({ where: { clientId, status: "PENDING" }, select: { id: true } })) {
      throw new ConflictError("This client already has a pending verification request.");
    }
    const created = await tx.verificationRequest.create({
      data: {
        clientId,
        requestedById: ctx.viewer?.id ?? null,
        notes: data.notes || null,
        domains: { create: domainIds.map((domainId) => ({ domainId })) },
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
    return {
      result: created,
      action: "verification.requested",
      targetType: "VerificationRequest",
      targetId: created.id,
      after: { status: created.status, domainIds, scopeKeys },
    };
  });
}

function requireStaff(ctx: ServiceContext) {
  const viewer = ctx.viewer;
  if (!viewer || (viewer.platformRole !== "STAFF" && viewer.platformRole !== "ADMIN")) {
    throw new ForbiddenError("Only Gatehouse staff can review verification requests.");
  }
  return viewer;
}

async function review({
  ctx,
  requestId,
  note,
  decision,
}: {
  ctx: ServiceContext;
  requestId: string;
  note: string | null;
  decision: "APPROVED" | "REJECTED";
}) {
  const staff = requireStaff(ctx);
  const request = await ctx.db.verificationRequest.findUnique({ where: { id: requestId } });
  if (!request) throw new NotFoundError("Verification request not found.");
  return audited(ctx, request.clientId, async (tx) => {
    // Conditional update, so that two reviewers cannot both decide the same request.
    const { count } = await tx.verificationRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: decision, reviewNote: note, reviewedById: staff.id, reviewedAt: new Date() },
    });
    if (count === 0) throw new ConflictError("This request has already been reviewed.");
    if (decision === "APPROVED") {
      await tx.client.update({ where: { id: request.clientId }, data: { verification: "VERIFIED" } });
    }
    return {
      result: await tx.verificationRequest.findUniqueOrThrow({ where: { id: request.id } }),
      action: decision === "APPROVED" ? "verification.approved" : "verification.rejected",
      targetType: "VerificationRequest",
      targetId: request.id,
      before: { status: request.status },
      after: { status: decision, reviewNote: note },
    };
  });
}

export async function approveVerification({
  ctx,
  requestId,
  note,
}: {
  ctx: ServiceContext;
  requestId: string;
  note?: string | null;
}) {
  const data = validate(z.object({ note: z.string().trim().max(2000, "Use at most 2000 characters.").nullish() }), {
    note,
  });
  return review({ ctx, requestId, note: data.note || null, decision: "APPROVED" });
}

export async function rejectVerification({
  ctx,
  requestId,
  note,
}: {
  ctx: ServiceContext;
  requestId: string;
  note: string;
}) {
  const data = validate(
    z.object({
      note: z
        .string()
        .trim()
        .min(1, "Tell the client why the request was rejected.")
        .max(2000, "Use at most 2000 characters."),
    }),
    { note },
  );
  return review({ ctx, requestId, note: data.note, decision: "REJECTED" });
}
