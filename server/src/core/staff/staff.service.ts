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
