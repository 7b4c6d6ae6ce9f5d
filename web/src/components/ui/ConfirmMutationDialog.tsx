import type { ReactNode } from "react";
import type { AnyVariables, TypedDocumentNode } from "urql";
import type { PayloadSuccess } from "../../lib/mutation";
import { useMutationAction } from "../../lib/use-mutation-action";
import { ConfirmDialog } from "./ConfirmDialog";

type ConfirmMutationDialogProps<Data, Variables extends AnyVariables, P extends { __typename: string }> = {
  open: boolean;
  title: string;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  confirmDisabled?: boolean;
  children?: ReactNode;
  document: TypedDocumentNode<Data, Variables>;
  /** Read when the person confirms. */
  variables: () => Variables;
  pick: (data: Data) => P | null | undefined;
  /** Shown when the answer carries no payload and no transport error. */
  fallback: string;
  /** After the mutation succeeded, before the dialog closes. */
  onDone?: (payload: PayloadSuccess<P>) => void;
  /** The dialog closes: cancelled, or done. */
  onClose: () => void;
};

/** A confirmation that runs one mutation and shows its typed error inside the dialog. */
export function ConfirmMutationDialog<Data, Variables extends AnyVariables, P extends { __typename: string }>({
  document,
  variables,
  pick,
  fallback,
  onDone,
  onClose,
  children,
  ...dialog
}: ConfirmMutationDialogProps<Data, Variables, P>) {
  const action = useMutationAction(document, pick, fallback);

  async function confirm() {
    const success = await action.run(variables());
    if (!success) return;
    onDone?.(success);
    onClose();
  }

  return (
    <ConfirmDialog
      {...dialog}
      loading={action.fetching}
      error={action.error}
      onConfirm={confirm}
      onCancel={() => {
        action.setError(null);
        onClose();
      }}
    >
      {children}
    </ConfirmDialog>
  );
}
