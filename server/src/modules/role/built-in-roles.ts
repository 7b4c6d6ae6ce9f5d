/** Every permission a role can hold. */
export const PERMISSIONS = [
  "client:manage",
  "domains:manage",
  "scopes:manage",
  "secrets:manage",
  "users:read",
  "users:manage",
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

/** Roles every client starts with; a higher level may grant every lower one. */
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
    description: "Manages the integration and the team, except the owner.",
    level: 80,
    permissions: PERMISSIONS.filter((permission) => permission !== "client:manage"),
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
    description: "Reads the integration's users.",
    level: 10,
    permissions: ["users:read"],
  },
];
