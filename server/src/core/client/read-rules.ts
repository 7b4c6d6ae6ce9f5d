import type { Permission } from "../role/built-in-roles.js";

/**
 * Least privilege for reading a client's configuration: being part of a client shows its name,
 * domains, scopes and team names; each sensitive part needs the permission that changes it.
 * Viewers and client credentials (partner tooling) therefore never see these.
 */
export const READ_RULES = {
  /** Team members' e-mail addresses. */
  teamEmails: "members:manage",
  /** A domain's server IP allowlist. */
  ipAllowlist: "domains:manage",
  /** Webhook URLs (callback URLs stay visible: they are public redirect targets anyway). */
  webhookUrls: "domains:manage",
  /** Verification requests, their notes and the staff's review notes. */
  verificationRequests: "verification:manage",
} as const satisfies Record<string, Permission>;

export type DomainUrlKindName = "CALLBACK" | "WEBHOOK";

/** The URL kinds a caller may list on a domain. */
export function visibleUrlKinds(mayReadWebhooks: boolean): DomainUrlKindName[] {
  return mayReadWebhooks ? ["CALLBACK", "WEBHOOK"] : ["CALLBACK"];
}
