import type { User } from "../../generated/prisma/client.js";
import { isStaff } from "../actor.js";
import type { ServiceContext } from "../context.js";
import { ForbiddenError } from "../errors.js";

export const STAFF_SECOND_FACTOR_MESSAGE =
  "Gatehouse staff must use two-step sign-in. Set it up under Account → Two-step sign-in, then come back.";

/**
 * The staff member acting, or a refusal: staff powers need the STAFF or ADMIN role and a second factor
 * in force. `what` finishes "Only Gatehouse staff can …".
 */
export async function requireStaffPowers(ctx: ServiceContext, what: string): Promise<User> {
  const viewer = ctx.viewer;
  if (!viewer || !isStaff(ctx.actor)) throw new ForbiddenError(`Only Gatehouse staff can ${what}.`);
  if (!(await ctx.access.staffPowers())) throw new ForbiddenError(STAFF_SECOND_FACTOR_MESSAGE);
  return viewer;
}

/** True for a staff member who holds the role but no second factor yet: the staff area leads to enrolment. */
export async function staffLacksSecondFactor(ctx: ServiceContext): Promise<boolean> {
  return isStaff(ctx.actor) && !(await ctx.access.staffPowers());
}
