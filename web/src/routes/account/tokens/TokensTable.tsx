import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Table } from "../../../components/ui/Table";
import { formatDate, formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { type ApiToken, ApiTokenFields, tokenStatus } from "./token-fields";

const TokensTable_Revoke = graphql(
  `
    mutation TokensTable_Revoke($input: RevokeApiTokenInput!) {
      revokeApiToken(input: $input) {
        __typename
        ... on RevokeApiTokenSuccess {
          data {
            ...ApiTokenFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ApiTokenFields, ErrorFields],
);

export function TokensTable({ tokens, onRevoked }: { tokens: readonly ApiToken[]; onRevoked: () => void }) {
  const { t } = useTranslation(["account", "common"]);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <Table
        caption={t("tokens.caption")}
        columns={[
          t("tokens.columns.label"),
          t("tokens.columns.token"),
          t("tokens.columns.status"),
          t("tokens.columns.created"),
          t("tokens.columns.expires"),
          t("tokens.columns.lastUsed"),
        ]}
        actions
      >
        {tokens.map((token) => {
          const status = tokenStatus(token);
          return (
            <tr key={token.id}>
              <td data-label={t("tokens.columns.label")}>
                <strong>{token.label}</strong>
              </td>
              <td data-label={t("tokens.columns.token")}>
                <code>{token.prefix}…</code>
              </td>
              <td data-label={t("tokens.columns.status")}>
                <Badge tone={status.tone}>{status.label}</Badge>
              </td>
              <td data-label={t("tokens.columns.created")}>{formatDate(token.createdAt)}</td>
              <td data-label={t("tokens.columns.expires")}>
                {token.expiresAt ? formatDate(token.expiresAt) : t("tokens.never")}
              </td>
              <td data-label={t("tokens.columns.lastUsed")}>
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("tokens.never")}
              </td>
              <td data-label={t("common:table.actions")}>
                {token.revokedAt ? (
                  <span className="muted">{t("tokens.revokedOn", { date: formatDate(token.revokedAt) })}</span>
                ) : (
                  <Button
                    variant="secondary"
                    className="btn-sm btn-danger-outline"
                    onClick={() => setRevoking(token)}
                    aria-label={t("tokens.revokeLabel", { label: token.label })}
                  >
                    {t("tokens.revoke")}
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
      <ConfirmMutationDialog
        open={revoking !== null}
        title={t("tokens.revokeTitle", { label: revoking?.label ?? "" })}
        confirmLabel={t("tokens.revokeConfirm")}
        document={TokensTable_Revoke}
        variables={() => ({ input: { id: revoking?.id ?? "" } })}
        pick={(data) => data.revokeApiToken}
        fallback={t("tokens.revokeFailed")}
        onDone={onRevoked}
        onClose={() => setRevoking(null)}
      >
        <p>{t("tokens.revokeBody")}</p>
      </ConfirmMutationDialog>
    </>
  );
}
