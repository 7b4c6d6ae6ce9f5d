import { i18n } from "../i18n/i18n";
import type { graphql } from "./graphql";

/** A permission a role grants in a client, as the schema's `Permission` enum spells it. */
export type Permission = ReturnType<typeof graphql.scalar<"Permission">>;

export const ALL_PERMISSIONS: readonly Permission[] = [
  "CLIENT_UPDATE",
  "DOMAINS_MANAGE",
  "SCOPES_MANAGE",
  "SECRETS_MANAGE",
  "USERS_READ",
  "REQUESTS_SEND",
  "VERIFICATION_MANAGE",
  "MEMBERS_MANAGE",
  "ROLES_MANAGE",
  "AUDIT_READ",
];

/** The permission as people see it in roles: SECRETS_MANAGE → secrets:manage. */
export function permissionLabel(permission: Permission): string {
  return permission.toLowerCase().replace("_", ":");
}

/** The sentence shown beside a disabled control, in the language the pages speak now. */
export function missingPermissionReason(permission: Permission): string {
  return i18n.t("team:missingPermission", { permission: permissionLabel(permission) });
}
