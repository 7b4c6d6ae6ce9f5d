import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { FormError } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { Table } from "../../../components/ui/Table";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { runMutation } from "../../../lib/mutation";
import { createPasskey, passkeysSupported } from "../../../lib/passkey";
import { RenamePasskeyDialog } from "./RenamePasskeyDialog";

const PasskeysCard_Start = graphql(
  `
    mutation PasskeysCard_Start {
      startPasskeyRegistration {
        __typename
        ... on StartPasskeyRegistrationSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const PasskeysCard_Finish = graphql(
  `
    mutation PasskeysCard_Finish($input: FinishPasskeyRegistrationInput!) {
      finishPasskeyRegistration(input: $input) {
        __typename
        ... on FinishPasskeyRegistrationSuccess {
          data {
            recoveryCodes
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const PasskeysCard_Remove = graphql(
  `
    mutation PasskeysCard_Remove($input: RemovePasskeyInput!) {
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

export type PasskeyRow = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
};

/** The person's passkeys: add one (named), rename, and remove (with the password). */
export function PasskeysCard({
  passkeys,
  onChanged,
  onRecoveryCodes,
}: {
  passkeys: readonly PasskeyRow[];
  onChanged: () => void;
  onRecoveryCodes: (codes: readonly string[]) => void;
}) {
  const [, start] = useMutation(PasskeysCard_Start);
  const [, finish] = useMutation(PasskeysCard_Finish);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<PasskeyRow | null>(null);
  const [removing, setRemoving] = useState<PasskeyRow | null>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const supported = passkeysSupported();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("passkeyName") ?? "").trim();
    setError(null);
    setNameError(name ? null : "Give the passkey a name, such as the device it is on.");
    if (!name) return;
    setAdding(true);
    try {
      const options = await runMutation(start({}), (data) => data.startPasskeyRegistration, "We couldn't start.");
      if (!options.ok) return setError(options.message);
      const created = await createPasskey(options.payload.data);
      if (!created.ok) return setError(created.message);
      const done = await runMutation(
        finish({ input: { response: created.response, name } }),
        (data) => data.finishPasskeyRegistration,
        "We couldn't add the passkey.",
      );
      if (!done.ok) return done.fields.name ? setNameError(done.fields.name) : setError(done.message);
      form.reset();
      if (done.payload.data.recoveryCodes.length > 0) onRecoveryCodes(done.payload.data.recoveryCodes);
      onChanged();
    } finally {
      setAdding(false);
    }
  }

  return (
    <SectionCard
      id="passkeys-title"
      title="Passkeys"
      description="Sign in with your fingerprint, face or device PIN instead of a password, or use a passkey as your second step."
      action={passkeys.length > 0 ? <Badge tone="success">{`${passkeys.length} on`}</Badge> : null}
    >
      {passkeys.length === 0 ? (
        <EmptyState title="No passkeys yet">Add one for this device below.</EmptyState>
      ) : (
        <Table caption="Your passkeys" columns={["Name", "Added", "Last used"]} actions>
          {passkeys.map((passkey) => (
            <tr key={passkey.id}>
              <td data-label="Name">
                {passkey.name} {passkey.backedUp ? <Badge tone="neutral">Synced</Badge> : null}
              </td>
              <td data-label="Added">{formatDateTime(passkey.createdAt)}</td>
              <td data-label="Last used">{passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt) : "Never"}</td>
              <td data-label="Actions">
                <div className="form-actions">
                  <Button
                    variant="secondary"
                    className="btn-sm"
                    aria-label={`Rename ${passkey.name}`}
                    onClick={() => setRenaming(passkey)}
                  >
                    Rename
                  </Button>
                  <Button
                    variant="secondary"
                    className="btn-sm"
                    aria-label={`Remove ${passkey.name}`}
                    onClick={() => setRemoving(passkey)}
                  >
                    Remove
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {supported ? (
        <form className="form" onSubmit={add} noValidate aria-label="Add a passkey">
          <FormError>{error}</FormError>
          <Field
            label="Passkey name"
            name="passkeyName"
            hint="So you can tell your passkeys apart, e.g. “Work laptop”."
            maxLength={60}
            error={nameError ?? undefined}
            required
          />
          <div className="form-actions">
            <Button type="submit" loading={adding}>
              {adding ? "Waiting for your device…" : "Add a passkey"}
            </Button>
          </div>
        </form>
      ) : (
        <p className="muted">This browser cannot use passkeys.</p>
      )}
      <RenamePasskeyDialog passkey={renaming} onDone={onChanged} onClose={() => setRenaming(null)} />
      <ConfirmMutationDialog
        open={removing !== null}
        title={`Remove the passkey “${removing?.name ?? ""}”?`}
        confirmLabel="Remove passkey"
        tone="danger"
        confirmDisabled={!currentPassword}
        document={PasskeysCard_Remove}
        variables={() => ({ input: { id: removing?.id ?? "", currentPassword } })}
        pick={(data) => data.removePasskey}
        fallback="We couldn't remove the passkey. Try again."
        onDone={onChanged}
        onClose={() => {
          setCurrentPassword("");
          setRemoving(null);
        }}
      >
        <p>It will no longer sign you in. Remove it from the device too. Enter your password to confirm.</p>
        <Field
          label="Your current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </ConfirmMutationDialog>
    </SectionCard>
  );
}
