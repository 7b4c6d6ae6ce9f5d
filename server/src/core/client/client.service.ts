import { z } from "zod";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { NotAuthenticatedError, PlanRequiredError, ValidationError } from "../errors.js";
import { createBuiltInRoles } from "../role/built-in-roles.js";
import { requireStaffPowers } from "../staff/staff-access.js";
import { validate } from "../validate.js";
import { requirePermission } from "./client-access.js";
import { clientCreationRefusal, clientCreationRight } from "./client-creation.js";
import { changeClientSetting } from "./client-setting.js";

const clientName = z.string().trim().min(1, "Enter a name for the client.").max(100, "Use at most 100 characters.");

export async function createClient({ ctx, name }: { ctx: ServiceContext; name: string }) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAuthenticatedError();
  const input = validate(z.object({ name: clientName }), { name });
  const policy = ctx.config.clientCreation;
  const right = clientCreationRight(policy, viewer);
  if (right === null) throw new PlanRequiredError(clientCreationRefusal(policy));
  if (right === "staff") await requireStaffPowers(ctx, "create clients");
  const client = await audited(ctx, null, async (tx) => {
    const created = await tx.client.create({ data: { name: input.name, ownerId: viewer.id } });
    await createBuiltInRoles(tx, created.id, viewer.id);
    return {
      result: created,
      action: "client.created",
      targetType: "Client",
      targetId: created.id,
      clientId: created.id,
      after: { name: created.name },
    };
  });
  ctx.access.reset();
  return client;
}

export async function renameClient({ ctx, clientId, name }: { ctx: ServiceContext; clientId: string; name: string }) {
  const input = validate(z.object({ name: clientName }), { name });
  await requirePermission(ctx, clientId, "client:update");
  return changeClientSetting(ctx, clientId, "client.renamed", "name", input.name);
}

/**
 * Switches OpenID Connect pairwise subjects on or off: with them on, the client's apps see a sub of their own
 * per person (sector: the primary root domain) instead of the person's public sub.
 */
export async function setPairwiseSubjects({
  ctx,
  clientId,
  pairwise,
}: {
  ctx: ServiceContext;
  clientId: string;
  pairwise: boolean;
}) {
  await requirePermission(ctx, clientId, "client:update");
  return changeClientSetting(
    ctx,
    clientId,
    "client.subject_type_changed",
    "subjectType",
    pairwise ? "PAIRWISE" : "PUBLIC",
  );
}

/** Deleting takes the client's exact name as confirmation, and the Owner's level. */
export async function deleteClient({
  ctx,
  clientId,
  confirmName,
}: {
  ctx: ServiceContext;
  clientId: string;
  confirmName: string;
}) {
  const grant = await requirePermission(ctx, clientId, "client:update");
  const client = await ctx.db.client.findUniqueOrThrow({ where: { id: clientId } });
  if (grant.level < 100) {
    throw new ValidationError("Only an Owner can delete a client.", [
      { field: "clientId", message: "Only an Owner can delete a client." },
    ]);
  }
  if (confirmName !== client.name) {
    throw new ValidationError("Type the client's exact name to confirm.", [
      { field: "confirmName", message: `Type "${client.name}" to confirm.` },
    ]);
  }
  return audited(ctx, null, async (tx) => {
    await tx.client.delete({ where: { id: clientId } });
    return {
      result: client,
      action: "client.deleted",
      targetType: "Client",
      targetId: clientId,
      before: { name: client.name },
    };
  });
}
