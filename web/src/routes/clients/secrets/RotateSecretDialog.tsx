import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("clients");
  const [graceDays, setGraceDays] = useState(String(DEFAULT_GRACE_DAYS));
  const days = Number(graceDays);
  const valid = graceDays !== "" && Number.isInteger(days) && days >= 0 && days <= 90;
  const domains = secret?.domains.map((d) => d.rootDomain).join(", ");

  return (
    <ConfirmMutationDialog
      open={secret !== null}
      title={t("secrets.rotateDialog.title", { label: secret?.label ?? "" })}
      confirmLabel={t("secrets.rotateDialog.confirm")}
      tone="primary"
      confirmDisabled={!valid}
      document={RotateSecretDialog_Rotate}
      variables={() => ({ input: { secretId: secret?.id ?? "", graceDays: days } })}
      pick={(data) => data.rotateClientSecret}
      fallback={t("secrets.rotateDialog.failed")}
      onDone={(success) => onRotated(success.data)}
      onClose={() => {
        setGraceDays(String(DEFAULT_GRACE_DAYS));
        onClose();
      }}
    >
      <p>{domains ? t("secrets.rotateDialog.bodyLinked", { domains }) : t("secrets.rotateDialog.body")}</p>
      <Field
        label={t("secrets.rotateDialog.grace")}
        name="graceDays"
        type="number"
        min={0}
        max={90}
        value={graceDays}
        onChange={(event) => setGraceDays(event.currentTarget.value)}
        hint={t("secrets.rotateDialog.graceHint")}
        error={valid ? undefined : t("secrets.rotateDialog.graceInvalid")}
      />
    </ConfirmMutationDialog>
  );
}
