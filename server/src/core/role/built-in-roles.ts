import type { Tx } from "../audit/audit.service.js";

/** Every permission a role can hold. */
export const PERMISSIONS = [
  "client:update",
  "domains:manage",
  "scopes:manage",
  "secrets:manage",
  "users:read",
  "requests:send",
  "verification:manage",
  "members:manage",
  "roles:manage",
  "audit:read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

type BuiltInRole = {
  key: string;
  name: string;
  description: string;
  level: number;
  permissions: readonly Permission[];
};

/** Roles every client starts with; nobody grants or edits a role above their own level. */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: "owner",
    name: "Owner",
    description: "Full control, including members and roles.",
    level: 100,
    permissions: PERMISSIONS,
  },
  {
    key: "admin",
    name: "Admin",
    description: "Manages the integration and the team.",
    level: 80,
    permissions: PERMISSIONS,
  },
  {
    key: "developer",
    name: "Developer",
    description: "Configures domains, scopes and secrets.",
    level: 50,
    permissions: ["domains:manage", "scopes:manage", "secrets:manage", "users:read", "audit:read"],
  },
  {
    key: "viewer",
    name: "Viewer",
    description: "Reads the integration and its users.",
    level: 10,
    permissions: ["users:read"],
  },
];

/** What partner tooling may do with the client's own credentials (the three X-Client headers). */
export const CLIENT_CREDENTIAL_PERMISSIONS: readonly Permission[] = ["users:read", "requests:send"];

/** Every new client gets the built-in roles and its creator as Owner. */
export async function createBuiltInRoles(tx: Tx, clientId: string, ownerId: string): Promise<void> {
  for (const role of BUILT_IN_ROLES) {
    const created = await tx.role.create({
      data: {
        clientId,
        key: role.key,
        name: role.name,
        description: role.description,
        level: role.level,
        builtIn: true,
        permissions: { create: role.permissions.map((permission) => ({ permission })) },
      },
    });
    if (role.key === "owner") await tx.member.create({ data: { clientId, userId: ownerId, roleId: created.id } });
  }
}
