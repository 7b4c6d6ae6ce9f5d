import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { FormError } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { Table } from "../../../components/ui/Table";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { runMutation } from "../../../lib/mutation";
import { createPasskey, passkeysSupported } from "../../../lib/passkey";
import type { ProofWays } from "../../../lib/use-passkey-proof";
import { RemovePasskeyDialog } from "./RemovePasskeyDialog";
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

export type PasskeyRow = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
};

/** The person's passkeys: add one (named), rename, and remove (confirmed with the password or a passkey). */
export function PasskeysCard({
  passkeys,
  ways,
  onChanged,
  onRecoveryCodes,
}: {
  passkeys: readonly PasskeyRow[];
  ways: ProofWays;
  onChanged: () => void;
  onRecoveryCodes: (codes: readonly string[]) => void;
}) {
  const { t } = useTranslation("account");
  const [, start] = useMutation(PasskeysCard_Start);
  const [, finish] = useMutation(PasskeysCard_Finish);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<PasskeyRow | null>(null);
  const [removing, setRemoving] = useState<PasskeyRow | null>(null);
  const supported = passkeysSupported();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("passkeyName") ?? "").trim();
    setError(null);
    setNameError(name ? null : t("twoFactor.passkeys.nameMissing"));
    if (!name) return;
    setAdding(true);
    try {
      const options = await runMutation(
        start({}),
        (data) => data.startPasskeyRegistration,
        t("twoFactor.passkeys.startFailed"),
      );
      if (!options.ok) return setError(options.message);
      const created = await createPasskey(options.payload.data);
      if (!created.ok) return setError(created.message);
      const done = await runMutation(
        finish({ input: { response: created.response, name } }),
        (data) => data.finishPasskeyRegistration,
        t("twoFactor.passkeys.addFailed"),
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
      title={t("twoFactor.passkeys.title")}
      description={t("twoFactor.passkeys.description")}
      action={
        passkeys.length > 0 ? (
          <Badge tone="success">{t("twoFactor.passkeys.count", { count: passkeys.length })}</Badge>
        ) : null
      }
    >
      {passkeys.length === 0 ? (
        <EmptyState title={t("twoFactor.passkeys.emptyTitle")}>{t("twoFactor.passkeys.emptyBody")}</EmptyState>
      ) : (
        <Table
          caption={t("twoFactor.passkeys.caption")}
          columns={[t("twoFactor.passkeys.name"), t("twoFactor.passkeys.added"), t("twoFactor.passkeys.lastUsed")]}
          actions
        >
          {passkeys.map((passkey) => (
            <tr key={passkey.id}>
              <td data-label={t("twoFactor.passkeys.name")}>
                {passkey.name}{" "}
                {passkey.backedUp ? <Badge tone="neutral">{t("twoFactor.passkeys.synced")}</Badge> : null}
              </td>
              <td data-label={t("twoFactor.passkeys.added")}>{formatDateTime(passkey.createdAt)}</td>
              <td data-label={t("twoFactor.passkeys.lastUsed")}>
                {passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt) : t("twoFactor.passkeys.never")}
              </td>
              <td data-label={t("twoFactor.passkeys.actions")}>
                <div className="form-actions">
                  <Button
                    variant="secondary"
                    className="btn-sm"
                    aria-label={t("twoFactor.passkeys.renameOne", { name: passkey.name })}
                    onClick={() => setRenaming(passkey)}
                  >
                    {t("twoFactor.passkeys.rename")}
                  </Button>
                  <Button
                    variant="secondary"
                    className="btn-sm"
                    aria-label={t("twoFactor.passkeys.removeOne", { name: passkey.name })}
                    onClick={() => setRemoving(passkey)}
                  >
                    {t("twoFactor.passkeys.remove")}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {supported ? (
        <form className="form" onSubmit={add} noValidate aria-label={t("twoFactor.passkeys.add")}>
          <FormError>{error}</FormError>
          <Field
            label={t("twoFactor.passkeys.nameLabel")}
            name="passkeyName"
            hint={t("twoFactor.passkeys.nameHint")}
            maxLength={60}
            error={nameError ?? undefined}
            required
          />
          <div className="form-actions">
            <Button type="submit" loading={adding}>
              {adding ? t("twoFactor.passkeys.waiting") : t("twoFactor.passkeys.add")}
            </Button>
          </div>
        </form>
      ) : (
        <p className="muted">{t("twoFactor.passkeys.unsupported")}</p>
      )}
      <RenamePasskeyDialog passkey={renaming} onDone={onChanged} onClose={() => setRenaming(null)} />
      <RemovePasskeyDialog passkey={removing} ways={ways} onDone={onChanged} onClose={() => setRemoving(null)} />
    </SectionCard>
  );
}
