import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnyVariables, TypedDocumentNode } from "urql";
import { IdentityProofFields, missingProof } from "../../../components/account/IdentityProofFields";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import type { PayloadSuccess } from "../../../lib/mutation";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type IdentityProof, type ProofWays, useIdentityProof } from "../../../lib/use-passkey-proof";

type Props<Data, Variables extends AnyVariables, P extends { __typename: string }> = {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** The confirm button when a passkey will be asked for; "Confirm with a passkey" unless given. */
  passkeyLabel?: string;
  tone?: "danger" | "primary";
  explanation: ReactNode;
  ways: ProofWays;
  document: TypedDocumentNode<Data, Variables>;
  /** The mutation's variables around the proof the person gave. */
  variables: (proof: IdentityProof) => Variables;
  pick: (data: Data) => P | null | undefined;
  /** Shown when the answer carries no payload and no transport error. */
  fallback?: string;
  onDone: (payload: PayloadSuccess<P>) => void;
  onClose: () => void;
};

/**
 * A change that needs proof it is the person again: the dialog asks for whichever they have (password, or a
 * passkey or a code), runs the mutation and shows its typed error inside.
 */
export function ProofConfirmDialog<Data, Variables extends AnyVariables, P extends { __typename: string }>({
  open,
  title,
  confirmLabel,
  passkeyLabel,
  tone,
  explanation,
  ways,
  document,
  variables,
  pick,
  fallback,
  onDone,
  onClose,
}: Props<Data, Variables, P>) {
  const { t } = useTranslation("account");
  const failed = fallback ?? t("twoFactor.password.failed");
  const [currentPassword, setCurrentPassword] = useState("");
  const [code, setCode] = useState("");
  const [confirming, setConfirming] = useState(false);
  const prove = useIdentityProof(ways.hasPassword, failed);
  const action = useMutationAction(document, pick, failed);

  function close() {
    setCurrentPassword("");
    setCode("");
    action.setError(null);
    onClose();
  }

  async function confirm() {
    setConfirming(true);
    try {
      const given = await prove(currentPassword, code);
      if (!given.ok) return action.setError(given.message);
      const success = await action.run(variables(given.proof));
      setCode("");
      if (!success) return;
      onDone(success);
      close();
    } finally {
      setConfirming(false);
    }
  }

  const withPasskey = !ways.hasPassword && !code.trim() && ways.passkey;
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={withPasskey ? (passkeyLabel ?? t("proof.withPasskey")) : confirmLabel}
      tone={tone}
      confirmDisabled={missingProof(ways, currentPassword, code) !== null}
      loading={confirming || action.fetching}
      error={action.error}
      onConfirm={confirm}
      onCancel={close}
    >
      <p>{explanation}</p>
      <IdentityProofFields
        ways={ways}
        currentPassword={{ value: currentPassword, onChange: (event) => setCurrentPassword(event.target.value) }}
        code={{ value: code, onChange: (event) => setCode(event.target.value) }}
      />
    </ConfirmDialog>
  );
}
