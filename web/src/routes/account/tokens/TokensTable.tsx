import { useState } from "react";
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
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <Table
        caption="Your API tokens"
        columns={["Label", "Token", "Status", "Created", "Expires", "Last used"]}
        actions
      >
        {tokens.map((token) => {
          const status = tokenStatus(token);
          return (
            <tr key={token.id}>
              <td data-label="Label">
                <strong>{token.label}</strong>
              </td>
              <td data-label="Token">
                <code>{token.prefix}…</code>
              </td>
              <td data-label="Status">
                <Badge tone={status.tone}>{status.label}</Badge>
              </td>
              <td data-label="Created">{formatDate(token.createdAt)}</td>
              <td data-label="Expires">{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</td>
              <td data-label="Last used">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
              <td data-label="Actions">
                {token.revokedAt ? (
                  <span className="muted">Revoked {formatDate(token.revokedAt)}</span>
                ) : (
                  <Button
                    variant="secondary"
                    className="btn-sm btn-danger-outline"
                    onClick={() => setRevoking(token)}
                    aria-label={`Revoke the token ${token.label}`}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
      <ConfirmMutationDialog
        open={revoking !== null}
        title={`Revoke the token “${revoking?.label ?? ""}”?`}
        confirmLabel="Revoke token"
        document={TokensTable_Revoke}
        variables={() => ({ input: { id: revoking?.id ?? "" } })}
        pick={(data) => data.revokeApiToken}
        fallback="We couldn't revoke the token."
        onDone={onRevoked}
        onClose={() => setRevoking(null)}
      >
        <p>Anything that uses this token stops working at once. This cannot be undone.</p>
      </ConfirmMutationDialog>
    </>
  );
}
