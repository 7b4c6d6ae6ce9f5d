import { useTranslation } from "react-i18next";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { ProofWays } from "../../../lib/use-passkey-proof";
import { ProofConfirmDialog } from "./ProofConfirmDialog";

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
 * account without one, a passkey or a code. The server refuses to remove the last way to sign in and says so here.
 */
export function RemovePasskeyDialog({
  passkey,
  ways,
  onDone,
  onClose,
}: {
  passkey: { id: string; name: string } | null;
  ways: ProofWays;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("account");
  return (
    <ProofConfirmDialog
      open={passkey !== null}
      title={t("twoFactor.passkeys.removeTitle", { name: passkey?.name ?? "" })}
      confirmLabel={t("twoFactor.passkeys.removeConfirm")}
      passkeyLabel={t("twoFactor.passkeys.removeWithPasskey")}
      tone="danger"
      explanation={t("twoFactor.passkeys.removeBody")}
      ways={ways}
      document={RemovePasskeyDialog_Remove}
      variables={(proof) => ({ input: { id: passkey?.id ?? "", ...proof } })}
      pick={(data) => data.removePasskey}
      fallback={t("twoFactor.passkeys.removeFailed")}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
