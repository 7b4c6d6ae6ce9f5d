import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Check, CheckGroup, FormError, Reason, SectionHead } from "../../../components/team/team-kit";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field, SelectField, TextAreaField } from "../../../components/ui/Field";
import { looksLikeEmail } from "../../../lib/errors";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import type { Kind } from "./request-fields";

const SendRequestForm_Send = graphql(
  `
    mutation SendRequestForm_Send($input: SendAccessRequestInput!) {
      sendAccessRequest(input: $input) {
        __typename
        ... on SendAccessRequestSuccess {
          data {
            email
            kind
            scopes
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The neutral answer to sending: it never says whether the address has an account. */
export type Sent = { email: string };

export function SendRequestForm({
  clientId,
  noSend,
  enabledScopes,
  onSent,
}: {
  clientId: string;
  /** Why the viewer may not send requests, or null when they may. */
  noSend: string | null;
  enabledScopes: readonly { key: string; description: string; tier: "BASIC" | "VERIFIED" }[];
  onSent: (request: Sent) => void;
}) {
  const { t } = useTranslation("clients");
  const [scopeKeys, setScopeKeys] = useState<string[]>([]);
  const form = useMutationForm(SendRequestForm_Send, (data) => data.sendAccessRequest, t("verification.form.failed"), {
    fieldFor: (error) =>
      error.__typename === "NotFoundError" || error.__typename === "ConflictError" ? "email" : null,
  });
  const { fetching, fieldErrors: errors } = form;
  const { values, setValues, text } = useFormValues<{ email: string; kind: Kind; message: string }>(
    () => ({ email: "", kind: "ACCESS", message: "" }),
    { errors },
  );
  const { email, kind, message } = values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!looksLikeEmail(email.trim())) found.email = t("users.send.emailMissing");
    if (kind === "ACCESS" && scopeKeys.length === 0) found.scopeKeys = t("users.send.scopeMissing");
    if (message.length > 1000) found.message = t("users.send.tooLong");
    if (form.reject(found)) return;
    const sent = await form.run({
      input: { clientId, email: email.trim(), kind, scopeKeys, message: message.trim() || null },
    });
    if (!sent) return;
    setValues((current) => ({ ...current, email: "", message: "" }));
    setScopeKeys([]);
    onSent(sent.data);
  }

  return (
    <Card aria-labelledby="send-title">
      <SectionHead id="send-title" title={t("users.send.title")}>
        {t("users.send.intro")}
      </SectionHead>
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={!!noSend || fetching}>
          <div className="team-form">
            <Field label={t("users.send.email")} {...text("email")} type="email" autoComplete="off" />
            <SelectField label={t("domains.urls.kind")} {...text("kind")}>
              <option value="ACCESS">{t("users.send.access")}</option>
              <option value="TEST_USER">{t("users.send.testUser")}</option>
            </SelectField>
            <div className="team-wide">
              <CheckGroup
                legend="Scopes"
                error={errors.scopeKeys}
                hint={enabledScopes.length === 0 ? t("users.send.noScopes") : undefined}
              >
                {enabledScopes.map((scope) => (
                  <Check
                    key={scope.key}
                    name="scopeKeys"
                    value={scope.key}
                    label={scope.description}
                    hint={
                      <>
                        <code>{scope.key}</code>
                        {scope.tier === "VERIFIED" ? ` · ${t("users.send.verified")}` : ""}
                      </>
                    }
                    checked={scopeKeys.includes(scope.key)}
                    onChange={(event) =>
                      setScopeKeys((current) =>
                        event.target.checked ? [...current, scope.key] : current.filter((k) => k !== scope.key),
                      )
                    }
                  />
                ))}
              </CheckGroup>
            </div>
            <TextAreaField label={t("users.send.message")} {...text("message")} rows={3} className="team-wide" />
          </div>
        </fieldset>
        <FormError>{form.formError}</FormError>
        <div className="team-form-actions">
          <Button type="submit" loading={fetching} disabled={!!noSend}>
            {t("users.send.submit")}
          </Button>
          {noSend ? <Reason>{noSend}</Reason> : null}
        </div>
      </form>
    </Card>
  );
}
