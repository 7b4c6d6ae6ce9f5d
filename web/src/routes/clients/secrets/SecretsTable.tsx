import { useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Table } from "../../../components/ui/Table";
import { formatDate, formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { RotateSecretDialog } from "./RotateSecretDialog";
import { SecretExpiryDialog } from "./SecretExpiryDialog";
import type { CreatedSecret } from "./SecretReveal";
import { type Secret, SecretFields, secretStatus } from "./secret-fields";

const SecretsTable_RevokeSecret = graphql(
  `
    mutation SecretsTable_RevokeSecret($input: RevokeClientSecretInput!) {
      revokeClientSecret(input: $input) {
        __typename
        ... on RevokeClientSecretSuccess {
          data {
            ...SecretFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SecretFields, ErrorFields],
);

export function SecretsTable({
  secrets,
  onChanged,
  onRotated,
}: {
  secrets: Secret[];
  onChanged: () => void;
  onRotated: (created: CreatedSecret) => void;
}) {
  const [revoking, setRevoking] = useState<Secret | null>(null);
  const [rotating, setRotating] = useState<Secret | null>(null);
  const [editing, setEditing] = useState<Secret | null>(null);

  return (
    <>
      <Table caption="Client secrets" columns={["Secret", "Status", "Domains", "Expires", "Last used"]} actions>
        {secrets.map((secret) => {
          const status = secretStatus(secret);
          return (
            <tr key={secret.id} data-testid="secret-row">
              <td data-label="Secret">
                <span className="secret-name">
                  <strong>{secret.label}</strong>
                  <code className="muted">{secret.prefix}…</code>
                </span>
              </td>
              <td data-label="Status">
                <Badge tone={status.tone}>{status.label}</Badge>
              </td>
              <td data-label="Domains">
                {secret.domains.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  secret.domains.map((d) => d.rootDomain).join(", ")
                )}
              </td>
              <td data-label="Expires">{secret.expiresAt ? formatDate(secret.expiresAt) : "Never"}</td>
              <td data-label="Last used">{secret.lastUsedAt ? formatDateTime(secret.lastUsedAt) : "Never"}</td>
              <td className="table-actions">
                <Button
                  variant="secondary"
                  className="btn-sm"
                  disabled={!status.live}
                  title={status.live ? undefined : `${status.label}: nothing to rotate`}
                  onClick={() => setRotating(secret)}
                  aria-label={`Rotate ${secret.label} (${secret.prefix})`}
                >
                  Rotate
                </Button>
                <Button
                  variant="secondary"
                  className="btn-sm"
                  disabled={!status.live}
                  title={status.live ? undefined : `${status.label}: its expiry cannot change`}
                  onClick={() => setEditing(secret)}
                  aria-label={`Change expiry of ${secret.label} (${secret.prefix})`}
                >
                  Expiry
                </Button>
                <Button
                  variant="secondary"
                  className="btn-sm"
                  disabled={secret.revokedAt !== null}
                  title={secret.revokedAt ? "Already revoked" : undefined}
                  onClick={() => setRevoking(secret)}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          );
        })}
      </Table>
      <RotateSecretDialog
        secret={rotating}
        onRotated={(created) => {
          onRotated(created);
          onChanged();
        }}
        onClose={() => setRotating(null)}
      />
      <SecretExpiryDialog secret={editing} onDone={onChanged} onClose={() => setEditing(null)} />
      <ConfirmMutationDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.label ?? ""}”?`}
        confirmLabel="Revoke secret"
        document={SecretsTable_RevokeSecret}
        variables={() => ({ input: { secretId: revoking?.id ?? "" } })}
        pick={(data) => data.revokeClientSecret}
        fallback="Not revoked."
        onDone={onChanged}
        onClose={() => setRevoking(null)}
      >
        <p>The partner API refuses this secret from the next request on. This cannot be undone.</p>
      </ConfirmMutationDialog>
    </>
  );
}
