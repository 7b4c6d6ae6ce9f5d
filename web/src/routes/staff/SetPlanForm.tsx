import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SectionHead } from "../../components/team/team-kit";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { Field, SelectField } from "../../components/ui/Field";
import { looksLikeEmail } from "../../lib/errors";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useFormValues } from "../../lib/use-form-values";
import { useMutationForm } from "../../lib/use-mutation-form";

const SetPlanForm_SetPlan = graphql(
  `
    mutation SetPlanForm_SetPlan($input: SetUserPlanInput!) {
      setUserPlan(input: $input) {
        __typename
        ... on SetUserPlanSuccess {
          data {
            id
            email
            name
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function SetPlanForm() {
  const { t } = useTranslation("staff");
  const [notice, setNotice] = useState<string | null>(null);
  const form = useMutationForm(SetPlanForm_SetPlan, (data) => data.setUserPlan, t("plan.failed"), {
    fieldFor: (error) => (error.__typename === "NotFoundError" ? "email" : null),
  });
  const { fetching } = form;
  const { values, set, text } = useFormValues<{ email: string; plan: "FREE" | "PAID" }>(
    () => ({ email: "", plan: "PAID" }),
    { errors: form.fieldErrors },
  );
  const { email, plan } = values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (form.reject(looksLikeEmail(email.trim()) ? {} : { email: t("plan.emailMissing") })) return;
    const changed = await form.run({ input: { email: email.trim(), plan } });
    if (!changed) return;
    setNotice(
      t("plan.changed", {
        name: changed.data.name,
        email: changed.data.email,
        plan: plan === "PAID" ? t("plan.paid") : t("plan.free"),
      }),
    );
    set("email", "");
  }

  return (
    <Card aria-labelledby="plan-title">
      <SectionHead id="plan-title" title={t("plan.title")}>
        {t("plan.intro")}
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={fetching}>
          <div className="team-form">
            <Field label={t("plan.email")} {...text("email")} type="email" autoComplete="off" />
            <SelectField label={t("plan.plan")} {...text("plan")}>
              <option value="PAID">{t("plan.paid")}</option>
              <option value="FREE">{t("plan.free")}</option>
            </SelectField>
          </div>
        </fieldset>
        <FormError>{form.formError}</FormError>
        <div>
          <Button type="submit" loading={fetching}>
            {t("plan.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
