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
