import { audited } from "../audit/audit.service.js";
import { requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { hasSecondFactor } from "./policy.js";

export async function requiresMemberTwoFactor(ctx: ServiceContext, clientId: string): Promise<boolean> {
  const policy = await ctx.db.clientSecurityPolicy.findUnique({ where: { clientId } });
  return policy?.requireMemberTwoFactor ?? false;
}

/**
 * Turns "members must use 2FA" on or off. Whoever turns it on must have a second factor themselves,
 * so the change never locks its own author out.
 */
export async function setMemberTwoFactorPolicy({
  ctx,
  clientId,
  required,
}: {
  ctx: ServiceContext;
  clientId: string;
  required: boolean;
}): Promise<string> {
  await requirePermission(ctx, clientId, "client:update");
  if (required && ctx.viewer && !(await hasSecondFactor(ctx.db, ctx.viewer.id))) {
    throw new ConflictError("Set up two-step sign-in for your own account first, or you would lock yourself out.");
  }
  const before = await requiresMemberTwoFactor(ctx, clientId);
  return audited(ctx, clientId, async (tx) => {
    await tx.clientSecurityPolicy.upsert({
      where: { clientId },
      create: { clientId, requireMemberTwoFactor: required },
      update: { requireMemberTwoFactor: required },
    });
    return {
      result: clientId,
      action: "client.policy.update",
      targetType: "Client",
      targetId: clientId,
      before: { requireMemberTwoFactor: before },
      after: { requireMemberTwoFactor: required },
    };
  });
}

/** True when the viewer is a member of the client but is refused it for lack of a second factor. */
export async function lacksRequiredSecondFactor(ctx: ServiceContext, clientId: string): Promise<boolean> {
  await ctx.access.grant(clientId);
  return ctx.access.lackingSecondFactor.has(clientId);
}
