import type { BadgeTone } from "../../../components/ui/Badge";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const SecretFields = graphql(`
  fragment SecretFields on ClientSecret {
    id
    label
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    domains {
      domainId
      rootDomain
    }
  }
`);

export type Secret = FragmentOf<typeof SecretFields>;

const DAY = 24 * 60 * 60 * 1000;

/** The secret's badge; `live` while the partner API still accepts it (an expiring secret included). */
export function secretStatus(secret: Secret, now = Date.now()): { label: string; tone: BadgeTone; live: boolean } {
  if (secret.revokedAt) return { label: "Revoked", tone: "danger", live: false };
  if (secret.expiresAt) {
    const left = new Date(secret.expiresAt).getTime() - now;
    if (left <= 0) return { label: "Expired", tone: "danger", live: false };
    if (left < 14 * DAY) return { label: "Expiring soon", tone: "warning", live: true };
  }
  return { label: "Active", tone: "success", live: true };
}
