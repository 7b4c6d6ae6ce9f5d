import { useEffect, useState } from "react";
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
  const [day, setDay] = useState("");
  useEffect(() => setDay(isoToDateInput(secret?.expiresAt)), [secret]);
  const expiresAt = dateInputToIso(day);
  const inFuture = !day || (expiresAt !== null && new Date(expiresAt).getTime() > Date.now());

  return (
    <ConfirmMutationDialog
      open={secret !== null}
      title={`Change when “${secret?.label ?? ""}” expires`}
      confirmLabel="Save expiry"
      tone="primary"
      confirmDisabled={!inFuture}
      document={SecretExpiryDialog_UpdateExpiry}
      variables={() => ({ input: { secretId: secret?.id ?? "", expiresAt } })}
      pick={(data) => data.updateClientSecretExpiry}
      fallback="The expiry was not changed."
      onDone={onDone}
      onClose={onClose}
    >
      <Field
        label="Expires on"
        name="expiresAt"
        type="date"
        value={day}
        onChange={(event) => setDay(event.currentTarget.value)}
        hint="The secret stops working at the end of that day. Leave empty for no expiry."
        error={inFuture ? undefined : "Pick a date in the future."}
      />
    </ConfirmMutationDialog>
  );
}
