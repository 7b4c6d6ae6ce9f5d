import { z } from "zod";
import type { Grant } from "../access.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { requireOwned, requirePermission } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, ForbiddenError, ValidationError } from "../errors.js";
import { validate } from "../validate.js";
import { PERMISSIONS } from "./built-in-roles.js";
import { grantRefusal } from "./grantable.js";

const roleFields = {
  name: z.string().trim().min(1, "Enter a name for the role.").max(100, "Use at most 100 characters."),
  key: z
    .string()
    .trim()
    .min(1, "Enter a key for the role.")
    .max(50, "Use at most 50 characters.")
    .regex(/^[a-z0-9-]+$/, "Use only lowercase letters, digits and hyphens in the key."),
  description: z.string().trim().max(500, "Use at most 500 characters.").nullish(),
  level: z.number().int().min(0, "The level is between 0 and 100.").max(100, "The level is between 0 and 100."),
  group: z.string().trim().max(100, "Use at most 100 characters.").nullish(),
  permissions: z.array(z.enum(PERMISSIONS)),
  expiresAt: z.date().nullish(),
  status: z.enum(["ACTIVE", "DISABLED"]).nullish(),
};

export type RoleInput = {
  name: string;
  key: string;
  description?: string | null;
  level: number;
  group?: string | null;
  permissions: string[];
  expiresAt?: Date | null;
  status?: "ACTIVE" | "DISABLED" | null;
};

type RoleSummary = {
  key: string;
  name: string;
  level: number;
  status: string;
  expiresAt: Date | null;
  permissions: { permission: string }[];
};

export function summarizeRole(role: RoleSummary) {
  return {
    key: role.key,
    name: role.name,
    level: role.level,
    status: role.status,
    expiresAt: role.expiresAt?.toISOString() ?? null,
    permissions: role.permissions.map((entry) => entry.permission).sort(),
  };
}

/** The shared subset rule (see grantable.ts), as a typed error. */
function checkGrantable(grant: Grant, level: number, permissions: readonly string[]) {
  const refusal = grantRefusal(grant, { level, permissions });
  if (refusal) throw new ForbiddenError(refusal);
}

async function requireFreeKey(tx: Tx, clientId: string, key: string) {
  if (await tx.role.findUnique({ where: { clientId_key: { clientId, key } }, select: { id: true } })) {
    throw new ConflictError(`This client already has a role with the key "${key}".`);
  }
}

export async function createRole({
  ctx,
  clientId,
  input,
}: {
  ctx: ServiceContext;
  clientId: string;
  input: RoleInput;
}) {
  const data = validate(z.object(roleFields), input);
  const grant = await requirePermission(ctx, clientId, "roles:manage");
  checkGrantable(grant, data.level, data.permissions);
  const role = await audited(ctx, clientId, async (tx) => {
    await requireFreeKey(tx, clientId, data.key);
    const created = await tx.role.create({
      data: {
        clientId,
        key: data.key,
        name: data.name,
        description: data.description ?? null,
        level: data.level,
        group: data.group ?? null,
        status: data.status ?? "ACTIVE",
        expiresAt: data.expiresAt ?? null,
        permissions: { create: [...new Set(data.permissions)].map((permission) => ({ permission })) },
      },
      include: { permissions: true },
    });
    return {
      result: created,
      action: "role.created",
      targetType: "Role",
      targetId: created.id,
      after: summarizeRole(created),
    };
  });
  ctx.access.reset();
  return role;
}

async function loadRole(ctx: ServiceContext, roleId: string) {
  const role = await ctx.db.role.findUnique({ where: { id: roleId }, include: { permissions: true } });
  return requireOwned(ctx, role, "roles:manage", "Role");
}

export async function updateRole({
  ctx,
  roleId,
  input,
}: {
  ctx: ServiceContext;
  roleId: string;
  input: Partial<{ [K in keyof RoleInput]: RoleInput[K] | null }>;
}) {
  const data = validate(
    z.object({
      ...roleFields,
      name: roleFields.name.nullish(),
      key: roleFields.key.nullish(),
      level: roleFields.level.nullish(),
      permissions: roleFields.permissions.nullish(),
    }),
    input,
  );
  const role = await loadRole(ctx, roleId);
  const grant = await requirePermission(ctx, role.clientId, "roles:manage");
  const held = role.permissions.map((entry) => entry.permission);
  // Both the role as it is and as it would become must lie within the editor's own rights.
  checkGrantable(grant, role.level, held);
  checkGrantable(grant, data.level ?? role.level, data.permissions ?? held);
  if (role.builtIn && data.key && data.key !== role.key) {
    throw new ValidationError("The key of a built-in role cannot change.", [
      { field: "key", message: "The key of a built-in role cannot change." },
    ]);
  }
  if (role.builtIn && role.key === "owner") {
    const kept: readonly string[] | null | undefined = data.permissions;
    const permissionsLost = kept && held.some((permission) => !kept.includes(permission));
    const weakened = data.status === "DISABLED" || data.expiresAt || (data.level != null && data.level !== role.level);
    if (permissionsLost || weakened) throw new ConflictError("A client needs at least one Owner.");
  }
  const updated = await audited(ctx, role.clientId, async (tx) => {
    if (data.key && data.key !== role.key) await requireFreeKey(tx, role.clientId, data.key);
    const after = await tx.role.update({
      where: { id: role.id },
      data: {
        name: data.name ?? undefined,
        key: data.key ?? undefined,
        level: data.level ?? undefined,
        status: data.status ?? undefined,
        // Explicit null clears the optional fields; absent leaves them as they are.
        description: data.description === undefined ? undefined : data.description,
        group: data.group === undefined ? undefined : data.group,
        expiresAt: data.expiresAt === undefined ? undefined : data.expiresAt,
        permissions: data.permissions
          ? { deleteMany: {}, create: [...new Set(data.permissions)].map((permission) => ({ permission })) }
          : undefined,
      },
      include: { permissions: true },
    });
    return {
      result: after,
      action: "role.updated",
      targetType: "Role",
      targetId: role.id,
      before: summarizeRole(role),
      after: summarizeRole(after),
    };
  });
  ctx.access.reset();
  return updated;
}

export async function deleteRole({ ctx, roleId }: { ctx: ServiceContext; roleId: string }) {
  const role = await loadRole(ctx, roleId);
  const grant = await requirePermission(ctx, role.clientId, "roles:manage");
  checkGrantable(
    grant,
    role.level,
    role.permissions.map((entry) => entry.permission),
  );
  if (role.builtIn) throw new ConflictError("Built-in roles cannot be deleted.");
  const deleted = await audited(ctx, role.clientId, async (tx) => {
    const members = await tx.member.count({ where: { roleId: role.id } });
    if (members > 0) {
      throw new ConflictError(`This role still has ${members} member(s). Give them another role first.`);
    }
    await tx.role.delete({ where: { id: role.id } });
    return {
      result: { id: role.id, key: role.key, name: role.name },
      action: "role.deleted",
      targetType: "Role",
      targetId: role.id,
      before: summarizeRole(role),
    };
  });
  ctx.access.reset();
  return deleted;
}
