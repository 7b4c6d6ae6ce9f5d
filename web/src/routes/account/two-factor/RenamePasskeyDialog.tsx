import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";

const RenamePasskeyDialog_Rename = graphql(
  `
    mutation RenamePasskeyDialog_Rename($input: RenamePasskeyInput!) {
      renamePasskey(input: $input) {
        __typename
        ... on RenamePasskeySuccess {
          data {
            id
            name
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** A new name for one passkey. */
export function RenamePasskeyDialog({
  passkey,
  onDone,
  onClose,
}: {
  passkey: { id: string; name: string } | null;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("account");
  const [name, setName] = useState("");
  useEffect(() => setName(passkey?.name ?? ""), [passkey]);
  return (
    <ConfirmMutationDialog
      open={passkey !== null}
      title={t("twoFactor.passkeys.renameTitle")}
      confirmLabel={t("twoFactor.passkeys.renameConfirm")}
      tone="primary"
      confirmDisabled={!name.trim()}
      document={RenamePasskeyDialog_Rename}
      variables={() => ({ input: { id: passkey?.id ?? "", name } })}
      pick={(data) => data.renamePasskey}
      fallback={t("twoFactor.passkeys.renameFailed")}
      onDone={onDone}
      onClose={onClose}
    >
      <Field
        label={t("twoFactor.passkeys.nameLabel")}
        name="passkeyName"
        maxLength={60}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
    </ConfirmMutationDialog>
  );
}
