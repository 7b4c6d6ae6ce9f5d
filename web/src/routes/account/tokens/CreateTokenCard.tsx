import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { IdentityProofFields, useProofToSend } from "../../../components/account/IdentityProofFields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { QueryState } from "../../../components/ui/QueryState";
import { SectionCard } from "../../../components/ui/SectionCard";
import { endOfDayIso, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { IdentityProofWays, proofWaysOf } from "../../../lib/use-passkey-proof";
import { ApiTokenFields } from "./token-fields";

const CreateTokenCard_Create = graphql(
  `
    mutation CreateTokenCard_Create($input: CreateApiTokenInput!) {
      createApiToken(input: $input) {
        __typename
        ... on CreateApiTokenSuccess {
          data {
            value
            token {
              ...ApiTokenFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ApiTokenFields, ErrorFields],
);

const CreateTokenCard_Ways = graphql(
  `
    query CreateTokenCard_Ways {
      viewer {
        id
        ...IdentityProofWays
      }
    }
  `,
  [IdentityProofWays],
);

/** "New token": a label, an expiry, and proof it is the person, by whichever way they have. */
export function CreateTokenCard({ onCreated }: { onCreated: (value: string, label: string) => void }) {
  const { t } = useTranslation(["account", "common"]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CreateTokenCard_Ways });
  const form = useMutationForm(CreateTokenCard_Create, (data) => data.createApiToken, t("tokens.createFailed"), {
    fieldFor: (problem) => (problem.__typename === "WrongPasswordError" ? "currentPassword" : null),
  });
  const empty = { label: "", expiresAt: "", currentPassword: "", code: "" };
  const { values, setValues, text } = useFormValues(() => empty, { errors: form.fieldErrors });
  const { label, expiresAt: expiresOn, currentPassword, code } = values;
  const ways = proofWaysOf(data?.viewer);
  const proofToSend = useProofToSend(ways, t("tokens.createFailed"));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t("tokens.errors.label");
    else if (label.trim().length > 100) found.label = t("tokens.errors.labelLong");
    if (expiresOn && expiresOn <= todayInput()) found.expiresAt = t("tokens.errors.expiresPast");
    else if (expiresOn && expiresOn > todayInput(365)) found.expiresAt = t("tokens.errors.expiresFar");
    const proof = await proofToSend(form, { currentPassword, code }, found, t("tokens.errors.password"));
    if (!proof) return;
    const success = await form.run({
      input: { label: label.trim(), expiresAt: expiresOn ? endOfDayIso(expiresOn) : null, ...proof },
    });
    setValues((current) => ({ ...current, currentPassword: "", code: "" }));
    if (!success) return;
    setValues(empty);
    onCreated(success.data.value, success.data.token.label);
  }

  return (
    <SectionCard id="token-create-title" title={t("tokens.createTitle")} description={t("tokens.createDescription")}>
      <QueryState
        result={{ data, fetching, error }}
        failedTitle={t("tokens.waysFailed")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      />
      {data?.viewer ? (
        <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
          <fieldset className="plain-fieldset" disabled={form.fetching}>
            <div className="form-grid">
              <Field label={t("tokens.label")} {...text("label")} placeholder={t("tokens.labelPlaceholder")} />
              <Field
                label={t("tokens.expiresOn")}
                {...text("expiresAt")}
                type="date"
                min={todayInput(1)}
                max={todayInput(365)}
                hint={t("tokens.expiresHint")}
              />
              <IdentityProofFields
                ways={ways}
                currentPassword={text("currentPassword")}
                code={text("code")}
                passwordHint={t("tokens.passwordHint")}
              />
            </div>
          </fieldset>
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          <div className="form-actions">
            <Button type="submit" loading={form.fetching}>
              {t("tokens.create")}
            </Button>
          </div>
        </form>
      ) : null}
    </SectionCard>
  );
}
