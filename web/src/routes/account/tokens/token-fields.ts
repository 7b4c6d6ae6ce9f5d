import type { BadgeTone } from "../../../components/ui/Badge";
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
  if (token.revokedAt) return { label: "Revoked", tone: "neutral" };
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return { label: "Expired", tone: "danger" };
  if (token.expiresAt && new Date(token.expiresAt).getTime() - Date.now() < 7 * 86_400_000)
    return { label: "Expires soon", tone: "warning" };
  return { label: "Active", tone: "success" };
}
