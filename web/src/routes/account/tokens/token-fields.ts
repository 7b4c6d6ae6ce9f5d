import type { BadgeTone } from "../../../components/ui/Badge";
import { i18n } from "../../../i18n/i18n";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    label
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export type ApiToken = FragmentOf<typeof ApiTokenFields>;

export function tokenStatus(token: ApiToken): { label: string; tone: BadgeTone } {
  if (token.revokedAt) return { label: i18n.t("account:tokens.status.revoked"), tone: "neutral" };
  if (token.expiresAt && new Date(token.expiresAt) <= new Date())
    return { label: i18n.t("account:tokens.status.expired"), tone: "danger" };
  if (token.expiresAt && new Date(token.expiresAt).getTime() - Date.now() < 7 * 86_400_000)
    return { label: i18n.t("account:tokens.status.soon"), tone: "warning" };
  return { label: i18n.t("account:tokens.status.active"), tone: "success" };
}
