import type { BadgeTone } from "../../../components/ui/Badge";
import { i18n } from "../../../i18n/i18n";
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
  if (secret.revokedAt) return { label: i18n.t("clients:secrets.status.revoked"), tone: "danger", live: false };
  if (secret.expiresAt) {
    const left = new Date(secret.expiresAt).getTime() - now;
    if (left <= 0) return { label: i18n.t("clients:secrets.status.expired"), tone: "danger", live: false };
    if (left < 14 * DAY) return { label: i18n.t("clients:secrets.status.expiring"), tone: "warning", live: true };
  }
  return { label: i18n.t("clients:secrets.status.active"), tone: "success", live: true };
}
