import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnyVariables, TypedDocumentNode } from "urql";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Field } from "../../../components/ui/Field";
import type { PayloadSuccess } from "../../../lib/mutation";

type Props<Data, P extends { __typename: string }> = {
  open: boolean;
  title: string;
  confirmLabel: string;
  tone?: "danger" | "primary";
  explanation: string;
  document: TypedDocumentNode<Data, { input: { currentPassword: string } } & AnyVariables>;
  pick: (data: Data) => P | null | undefined;
  onDone: (payload: PayloadSuccess<P>) => void;
  onClose: () => void;
};

/** A change to the second factors that needs the password again: the dialog asks for it. */
export function PasswordConfirmDialog<Data, P extends { __typename: string }>({
  explanation,
  onClose,
  ...dialog
}: Props<Data, P>) {
  const { t } = useTranslation("account");
  const [currentPassword, setCurrentPassword] = useState("");
  return (
    <ConfirmMutationDialog
      {...dialog}
      confirmDisabled={!currentPassword}
      variables={() => ({ input: { currentPassword } })}
      fallback={t("twoFactor.password.failed")}
      onClose={() => {
        setCurrentPassword("");
        onClose();
      }}
    >
      <p>{explanation}</p>
      <Field
        label={t("twoFactor.password.label")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
      />
    </ConfirmMutationDialog>
  );
}
