import type { AccessRequest } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { enqueueWebhook } from "../webhook/webhook.service.js";
import { accountOwner } from "./account-caller.js";

type Response = "ACCEPTED" | "DECLINED";

/**
 * The person answers an access or test-user request a client sent them. Accepting grants the
 * requested scopes (VERIFIED ones included) to that client for this person only; accepting a
 * test-user request also makes them a test user of the client.
 */
async function respond(ctx: ServiceContext, accessRequestId: string, status: Response): Promise<AccessRequest> {
  const viewer = accountOwner(ctx);
  const request = await ctx.db.accessRequest.findFirst({
    where: { id: accessRequestId, userId: viewer.id },
    include: { scopes: { select: { scope: { select: { key: true } } } } },
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
      after: { status, kind: request.kind, scopes },
    };
  });
}

export const acceptAccessRequest = ({ ctx, accessRequestId }: { ctx: ServiceContext; accessRequestId: string }) =>
  respond(ctx, accessRequestId, "ACCEPTED");

export const declineAccessRequest = ({ ctx, accessRequestId }: { ctx: ServiceContext; accessRequestId: string }) =>
  respond(ctx, accessRequestId, "DECLINED");
