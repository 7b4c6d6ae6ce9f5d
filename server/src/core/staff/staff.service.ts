import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { requireStaffPowers } from "./staff-access.js";

/** Platform staff only: moves a user (found by e-mail) to another plan, audited platform-wide. */
export async function setUserPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string; plan: "FREE" | "PAID" };
}) {
  await requireStaffPowers(ctx, "change a user's plan");
  const email = input.email.trim().toLowerCase();
  const user = email ? await ctx.db.user.findUnique({ where: { email } }) : null;
  if (!user) throw new NotFoundError("No user has this e-mail address.");
  return audited(ctx, null, async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { plan: input.plan } });
    return {
      result: updated,
      action: "user.plan_changed",
      targetType: "User",
      targetId: user.id,
      before: { plan: user.plan },
      after: { plan: updated.plan },
    };
  });
}

/**
 * Platform staff only: lets an unverified client ask one person at a time, through an access request,
 * for VERIFIED-tier scopes (or stops it). Audited on the client.
 */
export async function setVerifiedScopesPerRequest({
  ctx,
  clientId,
  allowed,
}: {
  ctx: ServiceContext;
  clientId: string;
  allowed: boolean;
}) {
  await requireStaffPowers(ctx, "allow VERIFIED scopes per request");
  const client = await ctx.db.client.findUnique({ where: { id: clientId } });
  if (!client) throw new NotFoundError("There is no such client.");
  if (client.verifiedScopesPerRequest === allowed) return client;
  return audited(ctx, clientId, async (tx) => {
    const updated = await tx.client.update({ where: { id: clientId }, data: { verifiedScopesPerRequest: allowed } });
    return {
      result: updated,
      action: "client.verified_scopes_per_request_changed",
      targetType: "Client",
      targetId: clientId,
      before: { verifiedScopesPerRequest: client.verifiedScopesPerRequest },
      after: { verifiedScopesPerRequest: allowed },
    };
  });
}
