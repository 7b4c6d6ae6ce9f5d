import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";

const CreateClientCard_CreateClient = graphql(
  `
    mutation CreateClientCard_CreateClient($input: CreateClientInput!) {
      createClient(input: $input) {
        __typename
        ... on CreateClientSuccess {
          data {
            id
            name
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function CreateClientCard({ allowed }: { allowed: boolean | null }) {
  const { t } = useTranslation("clients");
  const navigate = useNavigate();
  const form = useMutationForm(CreateClientCard_CreateClient, (data) => data.createClient, t("create.failed"), {
    // The plan refusal is shown in the plan notice, not beside an input.
    fieldFor: (error) => (error.__typename === "PlanRequiredError" ? "plan" : null),
  });
  const { fetching, fieldErrors, formError } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (form.reject(name ? {} : { name: t("create.nameMissing") })) return;
    const created = await form.run({ input: { name } });
    if (created) navigate(`/clients/${created.data.id}`);
  }

  // Once refused for the plan the form stays disabled, so the refusal stays shown.
  const planError = fieldErrors.plan ?? null;
  const needsPlan = allowed === false || planError !== null;

  return (
    <Card aria-labelledby="create-client-title">
      <h2 id="create-client-title">{t("create.title")}</h2>
      <form
        ref={form.formRef}
        className="form"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby="create-client-title"
      >
        {needsPlan ? (
          <Alert tone="warning" title={t("create.planTitle")}>
            {planError ?? t("create.planBody")}
          </Alert>
        ) : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset className="form-fieldset" disabled={fetching || needsPlan}>
          <div className="inline-form">
            <Field
              label={t("create.nameLabel")}
              name="name"
              autoComplete="off"
              maxLength={100}
              hint={t("create.nameHint")}
              error={fieldErrors.name}
              required
            />
            <Button type="submit" loading={fetching}>
              {fetching ? t("create.creating") : t("create.submit")}
            </Button>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
