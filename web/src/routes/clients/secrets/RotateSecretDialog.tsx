import { useState } from "react";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { CreatedSecret } from "./SecretReveal";
import { type Secret, SecretFields } from "./secret-fields";

const RotateSecretDialog_Rotate = graphql(
  `
    mutation RotateSecretDialog_Rotate($input: RotateClientSecretInput!) {
      rotateClientSecret(input: $input) {
        __typename
        ... on RotateClientSecretSuccess {
          data {
            value
            secret {
              ...SecretFields
            }
            previous {
              ...SecretFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SecretFields, ErrorFields],
);

/** The grace period the server applies when none is given (RotateClientSecretInput.graceDays). */
const DEFAULT_GRACE_DAYS = 7;

/** Rotates one secret: a new value with the same label and domains; the old one works for the grace period. */
export function RotateSecretDialog({
  secret,
  onRotated,
  onClose,
}: {
  secret: Secret | null;
  onRotated: (created: CreatedSecret) => void;
  onClose: () => void;
}) {
  const [graceDays, setGraceDays] = useState(String(DEFAULT_GRACE_DAYS));
  const days = Number(graceDays);
  const valid = graceDays !== "" && Number.isInteger(days) && days >= 0 && days <= 90;
  const domains = secret?.domains.map((d) => d.rootDomain).join(", ");

  return (
    <ConfirmMutationDialog
      open={secret !== null}
      title={`Rotate “${secret?.label ?? ""}”?`}
      confirmLabel="Rotate secret"
      tone="primary"
      confirmDisabled={!valid}
      document={RotateSecretDialog_Rotate}
      variables={() => ({ input: { secretId: secret?.id ?? "", graceDays: days } })}
      pick={(data) => data.rotateClientSecret}
      fallback="Not rotated."
      onDone={(success) => onRotated(success.data)}
      onClose={() => {
        setGraceDays(String(DEFAULT_GRACE_DAYS));
        onClose();
      }}
    >
      <p>
        A new secret with the same label is created{domains ? ` and linked to ${domains}` : ""}. Its value is shown
        once. The old secret keeps working until the grace period ends, so you can deploy the new value first.
      </p>
      <Field
        label="Grace period (days)"
        name="graceDays"
        type="number"
        min={0}
        max={90}
        value={graceDays}
        onChange={(event) => setGraceDays(event.currentTarget.value)}
        hint="0 to 90 days. An earlier expiry the old secret already has is kept."
        error={valid ? undefined : "Enter a whole number of days from 0 to 90."}
      />
    </ConfirmMutationDialog>
  );
}
