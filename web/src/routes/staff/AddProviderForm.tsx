import type { FormEvent } from "react";
import "./staff.css";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/team/team-kit";
import { Button } from "../../components/ui/Button";
import { Field, SelectField } from "../../components/ui/Field";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useFormValues } from "../../lib/use-form-values";
import { useMutationForm } from "../../lib/use-mutation-form";

const AddProviderForm_Create = graphql(
  `
    mutation AddProviderForm_Create($input: CreateUpstreamProviderInput!) {
      createUpstreamProvider(input: $input) {
        __typename
        ... on CreateUpstreamProviderSuccess {
          data {
            slug
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Preset = "GOOGLE" | "MICROSOFT" | "GENERIC";
type Values = {
  preset: Preset;
  displayName: string;
  slug: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
};

const blank = (): Values => ({
  preset: "GOOGLE",
  displayName: "",
  slug: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
});

/** Adds a provider from a preset: Google and Microsoft need only the client id and secret. */
export function AddProviderForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation("staff");
  const form = useMutationForm(AddProviderForm_Create, (data) => data.createUpstreamProvider, t("addProvider.failed"));
  const { values, text, set } = useFormValues<Values>(blank, { errors: form.fieldErrors });
  const generic = values.preset === "GENERIC";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const optional = (value: string) => value.trim() || null;
    const added = await form.run({
      input: {
        preset: values.preset,
        displayName: optional(values.displayName),
        slug: optional(values.slug),
        issuer: optional(values.issuer),
        clientId: values.clientId.trim(),
        clientSecret: values.clientSecret,
      },
    });
    if (!added) return;
    for (const key of ["displayName", "slug", "issuer", "clientId", "clientSecret"] as const) set(key, "");
    onAdded();
  }

  return (
    <form
      ref={form.formRef}
      className="stack add-provider-form"
      onSubmit={submit}
      noValidate
      aria-label={t("addProvider.formLabel")}
    >
      <h3>{t("addProvider.title")}</h3>
      <fieldset className="team-fieldset" disabled={form.fetching}>
        <div className="team-form">
          <SelectField label={t("addProvider.preset")} {...text("preset")}>
            <option value="GOOGLE">Google</option>
            <option value="MICROSOFT">Microsoft</option>
            <option value="GENERIC">{t("addProvider.generic")}</option>
          </SelectField>
          <Field label={t("addProvider.clientId")} {...text("clientId")} autoComplete="off" />
          <Field
            label={t("addProvider.clientSecret")}
            {...text("clientSecret")}
            type="password"
            autoComplete="new-password"
          />
          {generic ? (
            <>
              <Field
                label={t("addProvider.buttonName")}
                {...text("displayName")}
                hint={t("addProvider.buttonNameHint")}
              />
              <Field label={t("addProvider.key")} {...text("slug")} hint={t("addProvider.keyHint")} />
              <Field label={t("addProvider.issuer")} {...text("issuer")} hint="https://idp.example.com" />
            </>
          ) : null}
        </div>
      </fieldset>
      <FormError>{form.formError}</FormError>
      <div>
        <Button type="submit" loading={form.fetching}>
          {t("addProvider.submit")}
        </Button>
      </div>
    </form>
  );
}
