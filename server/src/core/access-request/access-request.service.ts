import { z } from "zod";
import { audited } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, ForbiddenError, ValidationError } from "../errors.js";
import { notifyPerson } from "../notification/notification.js";
import { validate } from "../validate.js";

const sendInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
    kind: z.enum(["ACCESS", "TEST_USER"]),
    scopeKeys: z.array(z.string().trim().min(1)).max(50, "Request at most 50 scopes."),
    message: z.string().trim().max(1000, "Use at most 1000 characters.").nullish(),
  })
  .refine((input) => input.kind !== "ACCESS" || input.scopeKeys.length > 0, {
    path: ["scopeKeys"],
    message: "Choose at least one scope to request.",
  });

/** Tells the person a client asks them something; they answer on their account page. */
async function mailAccessRequest(
  ctx: ServiceContext,
  person: { id: string; email: string },
  clientId: string,
  kind: "ACCESS" | "TEST_USER",
  scopes: string[],
) {
  const client = await ctx.db.client.findUnique({ where: { id: clientId }, select: { name: true } });
  const link = new URL("/account", ctx.config.publicUrl).toString();
  await notifyPerson(ctx, person, "ACCESS_REQUEST", "accessRequest", {
    kind,
    clientName: client?.name ?? null,
    scopes,
    link,
  });
}

/**
 * The scopes a request may name: those the client enabled, and VERIFIED-tier catalogue scopes an
 * unverified client may ask one person for because staff allowed that (Verification Center).
 */
async function requestableScopes(ctx: ServiceContext, clientId: string, keys: readonly string[]) {
  const [client, enabled, catalogue] = await Promise.all([
    ctx.db.client.findUniqueOrThrow({
      where: { id: clientId },
      select: { verification: true, verifiedScopesPerRequest: true },
    }),
    ctx.db.clientScope.findMany({
      where: { clientId, enabled: true, scope: { key: { in: [...keys] } } },
      select: { scope: { select: { id: true, key: true } } },
    }),
    ctx.db.scope.findMany({
      where: { key: { in: [...keys] }, tier: "VERIFIED", ownerClientId: null },
      select: { id: true, key: true },
    }),
  ]);
  const found = enabled.map((entry) => entry.scope);
  const verifiedAsked = catalogue.filter((scope) => !found.some((entry) => entry.key === scope.key));
  if (verifiedAsked.length > 0 && client.verification !== "VERIFIED") {
    if (!client.verifiedScopesPerRequest) {
      throw new ForbiddenError(
        `Only verified partners may ask for ${verifiedAsked.map((scope) => scope.key).join(", ")}. Ask Gatehouse staff to allow VERIFIED scopes per request (Verification Center), or get verified first.`,
      );
    }
    found.push(...verifiedAsked);
  }
  const missing = keys.filter((key) => !found.some((scope) => scope.key === key));
  if (missing.length > 0) {
    const text = `These scopes are not enabled for this client: ${missing.join(", ")}.`;
    throw new ValidationError(text, [{ field: "scopeKeys", message: text }]);
  }
  return found.map((scope) => ({ scope }));
}

/** What sendAccessRequest answers: the sender's own input, the same whether or not the address has an account. */
export type SentAccessRequest = { email: string; kind: "ACCESS" | "TEST_USER"; scopes: string[] };

/**
 * Sends the request to the account behind `email`, if any. Partner tooling can call this with
 * client credentials, so the answer never tells whether the address is known or already asked.
 */
export async function sendAccessRequest({
  ctx,
  clientId,
  ...input
}: {
  ctx: ServiceContext;
  clientId: string;
  email: string;
  kind: "ACCESS" | "TEST_USER";
  scopeKeys: readonly string[];
  message?: string | null;
}): Promise<SentAccessRequest> {
  await requirePermission(ctx, clientId, "requests:send");
  const { email, kind, scopeKeys, message } = validate(sendInput, input);
  const keys = [...new Set(scopeKeys)];
  const enabled = await requestableScopes(ctx, clientId, keys);
  const answer: SentAccessRequest = { email, kind, scopes: [...keys].sort() };
  const user = await ctx.db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return answer;
  const pending = await ctx.db.accessRequest.findFirst({
    where: { clientId, userId: user.id, kind, status: "PENDING" },
    select: { id: true },
  });
  if (pending) return answer;
  const request = await audited(ctx, clientId, async (tx) => {
    const created = await tx.accessRequest.create({
      data: {
        clientId,
        userId: user.id,
        sentById: ctx.viewer?.id ?? null,
        kind,
        message: message || null,
        scopes: { create: enabled.map((entry) => ({ scopeId: entry.scope.id })) },
      },
    });
    return {
      result: created,
      action: "accessRequest.sent",
      targetType: "AccessRequest",
      targetId: created.id,
      after: { email: user.email, kind, scopes: keys, status: "PENDING" },
    };
  });
  await mailAccessRequest(ctx, user, request.clientId, kind, keys);
  return answer;
}

export async function cancelAccessRequest({ ctx, accessRequestId }: { ctx: ServiceContext; accessRequestId: string }) {
  const row = await ctx.db.accessRequest.findUnique({ where: { id: accessRequestId } });
  const request = await requireOwned(ctx, row, "requests:send", "Access request");
  if (request.status !== "PENDING") {
    throw new ConflictError(`Only a pending request can be cancelled; this one is ${request.status.toLowerCase()}.`);
  }
  return audited(ctx, request.clientId, async (tx) => {
    const updated = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
    // The user may have answered in the meantime; the guarded update keeps their answer.
    if (updated.count === 0) throw new ConflictError("Only a pending request can be cancelled.");
    const cancelled = await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    return {
      result: cancelled,
      action: "accessRequest.cancelled",
      targetType: "AccessRequest",
      targetId: request.id,
      before: { kind: request.kind, status: "PENDING" },
      after: { kind: request.kind, status: "CANCELLED" },
    };
  });
}
