import type { AccessRequest } from "../../generated/prisma/client.js";
import { audited, type Tx } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { enqueueWebhook } from "../webhook/webhook.service.js";
import { accountOwner } from "./account-caller.js";

type Response = "ACCEPTED" | "DECLINED";

/**
 * Accepting is consent: the requested scopes join the person's live consent for the client at once,
 * so the partner API releases those fields for this person from the next call, without a new login.
 * A revoked (or missing) consent starts again with exactly the accepted scopes. Answers the scope keys
 * the consent now holds.
 */
async function grantRequestedScopes(
  tx: Tx,
  clientId: string,
  userId: string,
  scopes: readonly { scopeId: string }[],
  now: Date,
): Promise<string[]> {
  const existing = await tx.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
  const consent = existing
    ? await tx.consent.update({
        where: { id: existing.id },
        data: existing.revokedAt ? { revokedAt: null, grantedAt: now, scopes: { deleteMany: {} } } : { updatedAt: now },
      })
    : await tx.consent.create({ data: { userId, clientId, grantedAt: now } });
  const held = await tx.consentScope.findMany({ where: { consentId: consent.id }, select: { scopeId: true } });
  const missing = scopes.filter((scope) => !held.some((entry) => entry.scopeId === scope.scopeId));
  if (missing.length > 0) {
    await tx.consentScope.createMany({
      data: missing.map((scope) => ({ consentId: consent.id, scopeId: scope.scopeId })),
    });
  }
  const granted = await tx.consentScope.findMany({
    where: { consentId: consent.id },
    select: { scope: { select: { key: true } } },
  });
  return granted.map((entry) => entry.scope.key).sort();
}

/**
 * The person answers an access or test-user request a client sent them. Accepting grants the
 * requested scopes (VERIFIED ones included) to that client for this person only; accepting a
 * test-user request also makes them a test user of the client.
 */
async function respond(ctx: ServiceContext, accessRequestId: string, status: Response): Promise<AccessRequest> {
  const viewer = accountOwner(ctx);
  const request = await ctx.db.accessRequest.findFirst({
    where: { id: accessRequestId, userId: viewer.id },
    include: { scopes: { select: { scopeId: true, scope: { select: { key: true } } } } },
  });
  if (!request) throw new NotFoundError("Access request not found.");
  const notPending = () =>
    new ConflictError(
      `This request was already ${request.status.toLowerCase()}; only pending requests can be answered.`,
    );
  if (request.status !== "PENDING") throw notPending();
  const now = new Date();

  return audited(ctx, request.clientId, async (tx) => {
    // Conditional on PENDING, so that two answers racing each other cannot both win.
    const { count } = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status, respondedAt: now },
    });
    if (count !== 1) throw notPending();
    if (status === "ACCEPTED" && request.kind === "TEST_USER") {
      await tx.clientUser.upsert({
        where: { clientId_userId: { clientId: request.clientId, userId: viewer.id } },
        update: { isTestUser: true },
        create: {
          clientId: request.clientId,
          userId: viewer.id,
          isTestUser: true,
          firstLoginAt: now,
          lastLoginAt: now,
          loginCount: 0,
        },
      });
    }
    const scopes = request.scopes.map((entry) => entry.scope.key).sort();
    const consent =
      status === "ACCEPTED" && request.scopes.length > 0
        ? await grantRequestedScopes(tx, request.clientId, viewer.id, request.scopes, now)
        : null;
    await enqueueWebhook(tx, {
      clientId: request.clientId,
      event: status === "ACCEPTED" ? "access_request.accepted" : "access_request.declined",
      payload: {
        access_request_id: request.id,
        kind: request.kind,
        status,
        sub: viewer.sub,
        scopes,
        responded_at: now.toISOString(),
      },
      now,
    });
    return {
      result: await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id } }),
      action: status === "ACCEPTED" ? "accessRequest.accepted" : "accessRequest.declined",
      targetType: "AccessRequest",
      targetId: request.id,
      before: { status: "PENDING" },
      after: { status, kind: request.kind, scopes, ...(consent ? { consentScopes: consent } : {}) },
    };
  });
}

export const acceptAccessRequest = ({ ctx, accessRequestId }: { ctx: ServiceContext; accessRequestId: string }) =>
  respond(ctx, accessRequestId, "ACCEPTED");

export const declineAccessRequest = ({ ctx, accessRequestId }: { ctx: ServiceContext; accessRequestId: string }) =>
  respond(ctx, accessRequestId, "DECLINED");
