import type { User } from "../../generated/prisma/client.js";
import type { ServiceContext } from "../context.js";
import { ForbiddenError, NotAuthenticatedError } from "../errors.js";

/**
 * Account changes are the person's own decisions (what a client may read about them), so they are
 * made in a signed-in browser only: partner tooling with an API token cannot make them.
 */
export function accountOwner(ctx: ServiceContext): User {
  if (!ctx.viewer) throw new NotAuthenticatedError();
  if (ctx.actor.kind !== "session") {
    throw new ForbiddenError("Your account can only be changed from a signed-in browser.");
  }
  return ctx.viewer;
}

/** Every field added to User from this module: only the person themselves may read it. */
export const ownAccountOnly = (user: { id: string }, _args: unknown, ctx: ServiceContext) => ctx.viewer?.id === user.id;
