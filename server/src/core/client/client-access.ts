import type { Grant } from "../access.js";
import type { ServiceContext } from "../context.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import type { Permission } from "../role/built-in-roles.js";

/**
 * The guard every client-owned mutation starts with. Outsiders get NotFound, exactly as for a
 * client that does not exist; members without the permission get Forbidden.
 */
export async function requirePermission(ctx: ServiceContext, clientId: string, permission: Permission): Promise<Grant> {
  const grant = await ctx.access.grant(clientId);
  if (!grant) throw new NotFoundError("Client not found.");
  if (!grant.permissions.has(permission)) {
    throw new ForbiddenError(`You need the ${permission} permission in this client to do that.`);
  }
  return grant;
}

/** Loads a client-owned row by id and checks the permission in its client; NotFound for outsiders. */
export async function requireOwned<T extends { clientId: string }>(
  ctx: ServiceContext,
  row: T | null,
  permission: Permission,
  what: string,
): Promise<T> {
  if (!row || !(await ctx.access.isMember(row.clientId))) throw new NotFoundError(`${what} not found.`);
  await requirePermission(ctx, row.clientId, permission);
  return row;
}
