import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CountryOption, CountryOptions } from "../../../components/account/account-fields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field, SelectField } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { blankToNull, type Profile, ProfileFields, validate, valuesOf } from "./profile-fields";

const ProfileForm_UpdateProfile = graphql(
  `
    mutation ProfileForm_UpdateProfile($input: UpdateProfileInput!) {
      updateProfile(input: $input) {
        __typename
        ... on UpdateProfileSuccess {
          data {
            ...ProfileFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ProfileFields, ErrorFields],
);

export function ProfileForm({ viewer, countries }: { viewer: Profile; countries: readonly CountryOption[] }) {
  const { t } = useTranslation("account");
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(ProfileForm_UpdateProfile, (data) => data.updateProfile, t("profile.saveFailed"));
  const { fetching, formError } = form;
  const { values, setValues, text } = useFormValues(() => valuesOf(viewer), {
    errors: form.fieldErrors,
    onEdit: () => setSaved(false),
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    // An uploaded picture's URL is Gatehouse's own (http:// in development): sent back only when edited.
    const pictureChanged = values.picture.trim() !== (viewer.picture ?? "");
    const { picture: pictureError, ...otherErrors } = validate(values, viewer.email);
    if (form.reject(pictureChanged && pictureError ? { ...otherErrors, picture: pictureError } : otherErrors)) return;

    const updated = await form.run({
      input: {
        name: values.name.trim(),
        givenName: blankToNull(values.givenName),
        familyName: blankToNull(values.familyName),
        ...(pictureChanged ? { picture: blankToNull(values.picture) } : {}),
        birthDate: values.birthDate ? `${values.birthDate}T00:00:00.000Z` : null,
        gender: blankToNull(values.gender),
        secondEmail: blankToNull(values.secondEmail),
        countryCode: values.countryCode || null,
      },
    });
    if (!updated) return;
    setValues(valuesOf(updated.data));
    setSaved(true);
  }

  return (
    <SectionCard id="profile-edit-title" title={t("profile.editTitle")} description={t("profile.editDescription")}>
      <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={fetching || undefined}>
        <fieldset className="plain-fieldset" disabled={fetching}>
          <div className="form-grid">
            <Field label={t("profile.name")} {...text("name")} autoComplete="name" className="span-2" />
            <Field label={t("profile.givenName")} {...text("givenName")} autoComplete="given-name" />
            <Field label={t("profile.familyName")} {...text("familyName")} autoComplete="family-name" />
            <Field
              label={t("profile.pictureUrl")}
              {...text("picture")}
              type="url"
              inputMode="url"
              placeholder="https://"
              hint={t("profile.pictureUrlHint")}
              className="span-2"
            />
            <Field
              label={t("profile.birthDate")}
              {...text("birthDate")}
              type="date"
              autoComplete="bday"
              max={new Date().toISOString().slice(0, 10)}
            />
            <SelectField label={t("profile.gender")} {...text("gender")} autoComplete="sex">
              <option value="">{t("profile.notSet")}</option>
              <option value="female">{t("profile.genders.female")}</option>
              <option value="male">{t("profile.genders.male")}</option>
              <option value="other">{t("profile.genders.other")}</option>
            </SelectField>
            <Field
              label={t("profile.secondEmail")}
              {...text("secondEmail")}
              type="email"
              autoComplete="email"
              hint={t("profile.secondEmailHint")}
            />
            <SelectField label={t("profile.country")} {...text("countryCode")} autoComplete="country">
              <CountryOptions countries={countries} emptyLabel={t("profile.notSet")} />
            </SelectField>
          </div>
        </fieldset>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {saved ? <Alert tone="success">{t("profile.saved")}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" loading={fetching}>
            {t("profile.save")}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
