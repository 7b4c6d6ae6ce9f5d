import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field } from "../../../components/ui/Field";
import { endOfDayIso, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
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
  const [label, setLabel] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [currentPassword, setCurrentPassword] = useState("");
  const form = useMutationForm(CreateTokenCard_Create, (data) => data.createApiToken, "We couldn't create the token.");

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
    setCurrentPassword("");
    if (!success) return;
    setLabel("");
    setExpiresOn("");
    onCreated(success.data.value, success.data.token.label);
  }

  return (
    <Card aria-labelledby="token-create-title">
      <header className="section-head">
        <div>
          <h2 id="token-create-title">Create an API token</h2>
          <p className="muted">
            A personal token lets scripts call the Gatehouse API as you. Treat it like a password.
          </p>
        </div>
      </header>
      <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit}>
        <fieldset className="plain-fieldset" disabled={form.fetching}>
          <div className="form-grid">
            <Field
              label="Label"
              name="label"
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              error={form.fieldErrors.label}
              placeholder="Deploy script"
            />
            <Field
              label="Expires on (optional)"
              name="expiresAt"
              type="date"
              min={todayInput(1)}
              max={todayInput(365)}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
              error={form.fieldErrors.expiresAt}
              hint="Leave empty for 90 days. A token lives at most a year."
            />
            <Field
              label="Your current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
              error={form.fieldErrors.currentPassword}
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
    </Card>
  );
}
