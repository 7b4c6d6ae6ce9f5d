import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import type { Permission } from "../../core/role/built-in-roles.js";
import { createRole, deleteRole, updateRole } from "../../core/role/role.service.js";
import { builder } from "../builder.js";
import { PermissionEnum } from "./client.js";

export const RoleStatusEnum = builder.enumType("RoleStatus", { values: ["ACTIVE", "DISABLED"] as const });

export const RoleType = builder.prismaObject("Role", {
  authScopes: (role) => ({ member: role.clientId }),
  fields: (t) => ({
    id: t.exposeID("id"),
    key: t.exposeString("key"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    level: t.exposeInt("level"),
    group: t.exposeString("group", { nullable: true }),
    builtIn: t.exposeBoolean("builtIn"),
    status: t.field({ type: RoleStatusEnum, resolve: (role) => role.status }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    permissions: t.field({
      type: [PermissionEnum],
      select: { permissions: { select: { permission: true } } },
      resolve: (role) => role.permissions.map((entry) => entry.permission as Permission),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("Client", "roles", (t) =>
  t.relation("roles", { query: { orderBy: [{ level: "desc" }, { createdAt: "asc" }] } }),
);

const roleErrors = [NotFoundError, ForbiddenError, ConflictError, ValidationError];

const CreateRoleInput = builder.inputType("CreateRoleInput", {
  fields: (f) => ({
    clientId: f.id(),
    name: f.string(),
    key: f.string({ description: "Lowercase letters, digits and hyphens; unique in the client." }),
    description: f.string({ required: false }),
    level: f.int({ description: "0 to 100; at most your own level." }),
    group: f.string({ required: false }),
    permissions: f.field({ type: [PermissionEnum] }),
    expiresAt: f.field({ type: "DateTime", required: false }),
    status: f.field({ type: RoleStatusEnum, required: false }),
  }),
});

builder.mutationField("createRole", (t) =>
  t.field({
    type: RoleType,
    args: { input: t.arg({ type: CreateRoleInput }) },
    errors: { types: roleErrors },
    resolve: (_root, { input: { clientId, ...input } }, ctx) =>
      createRole({ ctx, clientId: String(clientId), input: { ...input, permissions: input.permissions.map(String) } }),
  }),
);

const UpdateRoleInput = builder.inputType("UpdateRoleInput", {
  fields: (f) => ({
    roleId: f.id(),
    name: f.string({ required: false }),
    key: f.string({ required: false }),
    description: f.string({ required: false }),
    level: f.int({ required: false }),
    group: f.string({ required: false }),
    permissions: f.field({ type: [PermissionEnum], required: false }),
    expiresAt: f.field({ type: "DateTime", required: false }),
    status: f.field({ type: RoleStatusEnum, required: false }),
  }),
});

builder.mutationField("updateRole", (t) =>
  t.field({
    type: RoleType,
    args: { input: t.arg({ type: UpdateRoleInput }) },
    errors: { types: roleErrors },
    resolve: (_root, { input: { roleId, ...input } }, ctx) =>
      updateRole({
        ctx,
        roleId: String(roleId),
        input: { ...input, permissions: input.permissions?.map(String) ?? input.permissions },
      }),
  }),
);

const DeletedRole = builder.objectRef<{ id: string; key: string; name: string }>("DeletedRole").implement({
  fields: (t) => ({ id: t.exposeID("id"), key: t.exposeString("key"), name: t.exposeString("name") }),
});

builder.mutationField("deleteRole", (t) =>
  t.field({
    type: DeletedRole,
    args: {
      input: t.arg({ type: builder.inputType("DeleteRoleInput", { fields: (f) => ({ roleId: f.id() }) }) }),
    },
    errors: { types: roleErrors },
    resolve: (_root, { input }, ctx) => deleteRole({ ctx, roleId: String(input.roleId) }),
  }),
);
