import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { useIdentityProof } from "../../../lib/use-passkey-proof";

const RemovePasskeyDialog_Remove = graphql(
  `
    mutation RemovePasskeyDialog_Remove($input: RemovePasskeyInput!) {
      removePasskey(input: $input) {
        __typename
        ... on RemovePasskeySuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * Removes one passkey once the person confirms it is them with what they have: the password, or, for an
 * account without one, a passkey. The server refuses to remove the last way to sign in and says so here.
 */
export function RemovePasskeyDialog({
  passkey,
  hasPassword,
  onDone,
  onClose,
}: {
  passkey: { id: string; name: string } | null;
  hasPassword: boolean;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("account");
  const [currentPassword, setCurrentPassword] = useState("");
  const prove = useIdentityProof(hasPassword, t("twoFactor.passkeys.removeFailed"));
  const [confirming, setConfirming] = useState(false);
  const action = useMutationAction(
    RemovePasskeyDialog_Remove,
    (data) => data.removePasskey,
    t("twoFactor.passkeys.removeFailed"),
  );

  function close() {
    setCurrentPassword("");
    action.setError(null);
    onClose();
  }

  async function confirm() {
    if (!passkey) return;
    setConfirming(true);
    try {
      const given = await prove(currentPassword);
      if (!given.ok) return action.setError(given.message);
      if (!(await action.run({ input: { id: passkey.id, ...given.proof } }))) return;
      onDone();
      close();
    } finally {
      setConfirming(false);
    }
  }

  return (
    <ConfirmDialog
      open={passkey !== null}
      title={t("twoFactor.passkeys.removeTitle", { name: passkey?.name ?? "" })}
      confirmLabel={hasPassword ? t("twoFactor.passkeys.removeConfirm") : t("twoFactor.passkeys.removeWithPasskey")}
      tone="danger"
      confirmDisabled={hasPassword && !currentPassword}
      loading={confirming || action.fetching}
      error={action.error}
      onConfirm={confirm}
      onCancel={close}
    >
      {hasPassword ? (
        <>
          <p>{t("twoFactor.passkeys.removeBody")}</p>
          <Field
            label={t("twoFactor.passkeys.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        </>
      ) : (
        <p>{t("twoFactor.passkeys.removeBodyPasskey")}</p>
      )}
    </ConfirmDialog>
  );
}
