import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Field } from "../../../components/ui/Field";
import { dateInputToIso, isoToDateInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { type Secret, SecretFields } from "./secret-fields";

const SecretExpiryDialog_UpdateExpiry = graphql(
  `
    mutation SecretExpiryDialog_UpdateExpiry($input: UpdateClientSecretExpiryInput!) {
      updateClientSecretExpiry(input: $input) {
        __typename
        ... on UpdateClientSecretExpirySuccess {
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

/** Moves a secret's expiry (or removes it) without rotating the secret. */
export function SecretExpiryDialog({
  secret,
  onDone,
  onClose,
}: {
  secret: Secret | null;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("clients");
  const [day, setDay] = useState("");
  useEffect(() => setDay(isoToDateInput(secret?.expiresAt)), [secret]);
  const expiresAt = dateInputToIso(day);
  const inFuture = !day || (expiresAt !== null && new Date(expiresAt).getTime() > Date.now());

  return (
    <ConfirmMutationDialog
      open={secret !== null}
      title={t("secrets.expiryDialog.title", { label: secret?.label ?? "" })}
      confirmLabel={t("secrets.expiryDialog.confirm")}
      tone="primary"
      confirmDisabled={!inFuture}
      document={SecretExpiryDialog_UpdateExpiry}
      variables={() => ({ input: { secretId: secret?.id ?? "", expiresAt } })}
      pick={(data) => data.updateClientSecretExpiry}
      fallback={t("secrets.expiryDialog.failed")}
      onDone={onDone}
      onClose={onClose}
    >
      <Field
        label={t("secrets.expiryDialog.label")}
        name="expiresAt"
        type="date"
        value={day}
        onChange={(event) => setDay(event.currentTarget.value)}
        hint={t("secrets.expiryDialog.hint")}
        error={inFuture ? undefined : t("secrets.create.pastDate")}
      />
    </ConfirmMutationDialog>
  );
}
