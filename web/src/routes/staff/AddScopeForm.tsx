import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SectionHead } from "../../components/team/team-kit";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { Field, SelectField } from "../../components/ui/Field";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useFormValues } from "../../lib/use-form-values";
import { useMutationForm } from "../../lib/use-mutation-form";

const AddScopeForm_Add = graphql(
  `
    mutation AddScopeForm_Add($input: AddCatalogueScopeInput!) {
      addCatalogueScope(input: $input) {
        __typename
        ... on AddCatalogueScopeSuccess {
          data {
            key
            releases
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Values = { key: string; name: string; description: string; tier: "BASIC" | "VERIFIED"; claims: string };

/** Staff add a scope to the platform catalogue: key, name, consent text, tier and the profile fields it releases. */
export function AddScopeForm() {
  const { t } = useTranslation("staff");
  const [notice, setNotice] = useState<string | null>(null);
  const form = useMutationForm(AddScopeForm_Add, (data) => data.addCatalogueScope, t("addScope.failed"), {
    fieldFor: (error) => (error.__typename === "ConflictError" ? "key" : null),
  });
  const { fetching } = form;
  const { values, set, text } = useFormValues<Values>(
    () => ({ key: "", name: "", description: "", tier: "BASIC", claims: "" }),
    { errors: form.fieldErrors },
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const claims = values.claims
      .split(/[\s,]+/)
      .map((claim) => claim.trim())
      .filter(Boolean);
    const added = await form.run({
      input: {
        key: values.key.trim(),
        name: values.name.trim(),
        description: values.description.trim(),
        tier: values.tier,
        claims,
      },
    });
    if (!added) return;
    setNotice(t("addScope.added", { key: added.data.key, releases: added.data.releases.join(", ") }));
    for (const field of ["key", "name", "description", "claims"] as const) set(field, "");
  }

  return (
    <Card aria-labelledby="add-scope-title">
      <SectionHead id="add-scope-title" title={t("addScope.title")}>
        {t("addScope.intro")}
      </SectionHead>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={fetching}>
          <div className="team-form">
            <Field label={t("addScope.key")} {...text("key")} autoComplete="off" placeholder="newsletter" />
            <Field label={t("addScope.name")} {...text("name")} autoComplete="off" />
            <Field label={t("addScope.consentText")} {...text("description")} autoComplete="off" />
            <SelectField label={t("addScope.tier")} {...text("tier")}>
              <option value="BASIC">{t("addScope.basic")}</option>
              <option value="VERIFIED">{t("addScope.verified")}</option>
            </SelectField>
            <Field label={t("addScope.claims")} {...text("claims")} autoComplete="off" placeholder="name, email" />
          </div>
        </fieldset>
        <FormError>{form.formError}</FormError>
        <div>
          <Button type="submit" loading={fetching}>
            {t("addScope.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
