import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { IdentityProofFields, useProofToSend } from "../../../components/account/IdentityProofFields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { QueryState } from "../../../components/ui/QueryState";
import { SectionCard } from "../../../components/ui/SectionCard";
import { looksLikeEmail } from "../../../lib/errors";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { PayloadError } from "../../../lib/mutation";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { IdentityProofWays, proofWaysOf } from "../../../lib/use-passkey-proof";

const ChangeEmailCard_Ways = graphql(
  `
    query ChangeEmailCard_Ways {
      viewer {
        id
        ...IdentityProofWays
      }
    }
  `,
  [IdentityProofWays],
);

const ChangeEmailCard_Change = graphql(
  `
    mutation ChangeEmailCard_Change($input: ChangeEmailInput!) {
      changeEmail(input: $input) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Which input a refusal belongs beside: the new address when it is taken or already theirs, else the proof. */
function fieldFor(problem: PayloadError): string | null {
  if (problem.__typename === "EmailTakenError" || problem.__typename === "ConflictError") return "newEmail";
  if (problem.__typename === "WrongPasswordError") return "currentPassword";
  return null;
}

/**
 * "Change e-mail address": the new address and proof it is the person. The change waits for the link mailed to
 * the new address; the old address is told, and stays the one they sign in with until the link is opened.
 */
export function ChangeEmailCard({ email }: { email: string }) {
  const { t } = useTranslation(["account", "common"]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ChangeEmailCard_Ways });
  const form = useMutationForm(ChangeEmailCard_Change, (result) => result.changeEmail, t("changeEmail.failed"), {
    fieldFor,
    // The server's words for a taken address invite to sign in; here the person is signed in already.
    messageFor: (problem) =>
      problem.__typename === "EmailTakenError"
        ? t("changeEmail.taken")
        : problem.__typename === "ConflictError"
          ? t("changeEmail.same")
          : null,
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const empty = { newEmail: "", currentPassword: "", code: "" };
  const { values, setValues, text } = useFormValues(() => empty, {
    errors: form.fieldErrors,
    onEdit: () => setSentTo(null),
  });
  const ways = proofWaysOf(data?.viewer);
  const proofToSend = useProofToSend(ways, t("changeEmail.failed"));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    const newEmail = values.newEmail.trim();
    const found: Record<string, string> = {};
    if (!looksLikeEmail(newEmail)) found.newEmail = t("changeEmail.invalid");
    else if (newEmail.toLowerCase() === email.toLowerCase()) found.newEmail = t("changeEmail.same");
    const proof = await proofToSend(form, values, found, t("changeEmail.passwordMissing"));
    if (!proof) return;
    const success = await form.run({ input: { newEmail, ...proof } });
    setValues((current) => ({ ...current, currentPassword: "", code: "" }));
    if (!success) return;
    setValues(empty);
    setSentTo(newEmail);
  }

  return (
    <SectionCard
      id="change-email-title"
      title={t("changeEmail.title")}
      description={t("changeEmail.description", { email })}
    >
      <QueryState
        result={{ data, fetching, error }}
        failedTitle={t("changeEmail.waysFailed")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      />
      {data?.viewer ? (
        <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
          <fieldset className="plain-fieldset" disabled={form.fetching}>
            <div className="form-grid">
              <Field
                label={t("changeEmail.newEmail")}
                {...text("newEmail")}
                type="email"
                autoComplete="email"
                hint={t("changeEmail.newEmailHint")}
              />
              <IdentityProofFields
                ways={ways}
                currentPassword={text("currentPassword")}
                code={text("code")}
                passwordHint={t("changeEmail.passwordHint")}
              />
            </div>
          </fieldset>
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          {sentTo ? (
            <Alert tone="success" title={t("changeEmail.sentTitle")}>
              {t("changeEmail.sent", { newEmail: sentTo, email })}
            </Alert>
          ) : null}
          <div className="form-actions">
            <Button type="submit" loading={form.fetching}>
              {ways.hasPassword || !ways.passkey || values.code.trim()
                ? t("changeEmail.submit")
                : t("changeEmail.submitWithPasskey")}
            </Button>
          </div>
        </form>
      ) : null}
    </SectionCard>
  );
}
