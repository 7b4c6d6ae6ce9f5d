import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("clients");
  const [revoking, setRevoking] = useState<Secret | null>(null);
  const [rotating, setRotating] = useState<Secret | null>(null);
  const [editing, setEditing] = useState<Secret | null>(null);

  return (
    <>
      <Table
        caption={t("secrets.caption")}
        columns={[
          t("secrets.secret"),
          t("secrets.status.label"),
          t("secrets.domains"),
          t("secrets.expires"),
          t("secrets.lastUsed"),
        ]}
        actions
      >
        {secrets.map((secret) => {
          const status = secretStatus(secret);
          return (
            <tr key={secret.id} data-testid="secret-row">
              <td data-label={t("secrets.secret")}>
                <span className="secret-name">
                  <strong>{secret.label}</strong>
                  <code className="muted">{secret.prefix}…</code>
                </span>
              </td>
              <td data-label={t("secrets.status.label")}>
                <Badge tone={status.tone}>{status.label}</Badge>
              </td>
              <td data-label={t("secrets.domains")}>
                {secret.domains.length === 0 ? (
                  <span className="muted">{t("secrets.none")}</span>
                ) : (
                  secret.domains.map((d) => d.rootDomain).join(", ")
                )}
              </td>
              <td data-label={t("secrets.expires")}>
                {secret.expiresAt ? formatDate(secret.expiresAt) : t("secrets.never")}
              </td>
              <td data-label={t("secrets.lastUsed")}>
                {secret.lastUsedAt ? formatDateTime(secret.lastUsedAt) : t("secrets.never")}
              </td>
              <td className="table-actions">
                <Button
                  variant="secondary"
                  className="btn-sm"
                  disabled={!status.live}
                  title={status.live ? undefined : t("secrets.nothingToRotate", { status: status.label })}
                  onClick={() => setRotating(secret)}
                  aria-label={t("secrets.rotateLabel", { label: secret.label, prefix: secret.prefix })}
                >
                  {t("secrets.rotate")}
                </Button>
                <Button
                  variant="secondary"
                  className="btn-sm"
                  disabled={!status.live}
                  title={status.live ? undefined : t("secrets.expiryFixed", { status: status.label })}
                  onClick={() => setEditing(secret)}
                  aria-label={t("secrets.expiryLabel", { label: secret.label, prefix: secret.prefix })}
                >
                  {t("secrets.expiry")}
                </Button>
                <Button
                  variant="secondary"
                  className="btn-sm"
                  disabled={secret.revokedAt !== null}
                  title={secret.revokedAt ? t("secrets.alreadyRevoked") : undefined}
                  onClick={() => setRevoking(secret)}
                >
                  {t("secrets.revoke")}
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
        title={t("secrets.revokeTitle", { label: revoking?.label ?? "" })}
        confirmLabel={t("secrets.revokeConfirm")}
        document={SecretsTable_RevokeSecret}
        variables={() => ({ input: { secretId: revoking?.id ?? "" } })}
        pick={(data) => data.revokeClientSecret}
        fallback={t("secrets.revokeFailed")}
        onDone={onChanged}
        onClose={() => setRevoking(null)}
      >
        <p>{t("secrets.revokeBody")}</p>
      </ConfirmMutationDialog>
    </>
  );
}
