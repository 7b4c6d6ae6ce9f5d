import type { FormEvent } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { endOfDayIso, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
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

export function CreateTokenCard({ onCreated }: { onCreated: (value: string, label: string) => void }) {
  const form = useMutationForm(CreateTokenCard_Create, (data) => data.createApiToken, "We couldn't create the token.");
  const empty = { label: "", expiresAt: "", currentPassword: "" };
  const { values, setValues, set, text } = useFormValues(() => empty, { errors: form.fieldErrors });
  const { label, expiresAt: expiresOn, currentPassword } = values;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = "Give the token a label, so you know where it is used.";
    else if (label.trim().length > 100) found.label = "Use at most 100 characters for the label.";
    if (expiresOn && expiresOn <= todayInput()) found.expiresAt = "Pick a day after today, or leave it empty.";
    else if (expiresOn && expiresOn > todayInput(365)) found.expiresAt = "A token can live at most 365 days.";
    if (!currentPassword) found.currentPassword = "Enter your current password.";
    if (form.reject(found)) return;

    const success = await form.run({
      input: { label: label.trim(), currentPassword, expiresAt: expiresOn ? endOfDayIso(expiresOn) : null },
    });
    set("currentPassword", "");
    if (!success) return;
    setValues(empty);
    onCreated(success.data.value, success.data.token.label);
  }

  return (
    <SectionCard
      id="token-create-title"
      title="Create an API token"
      description="A personal token lets scripts call the Gatehouse API as you. Treat it like a password."
    >
      <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
        <fieldset className="plain-fieldset" disabled={form.fetching}>
          <div className="form-grid">
            <Field label="Label" {...text("label")} placeholder="Deploy script" />
            <Field
              label="Expires on (optional)"
              {...text("expiresAt")}
              type="date"
              min={todayInput(1)}
              max={todayInput(365)}
              hint="Leave empty for 90 days. A token lives at most a year."
            />
            <Field
              label="Your current password"
              {...text("currentPassword")}
              type="password"
              autoComplete="current-password"
              hint="A token acts as you, so creating one needs your password."
            />
          </div>
        </fieldset>
        {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" loading={form.fetching}>
            Create token
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
