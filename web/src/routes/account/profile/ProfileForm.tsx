import { type FormEvent, useState } from "react";
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
  const [saved, setSaved] = useState(false);
  const form = useMutationForm(
    ProfileForm_UpdateProfile,
    (data) => data.updateProfile,
    "We couldn't save your profile.",
  );
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
    <SectionCard
      id="profile-edit-title"
      title="Edit profile"
      description="Apps you allow to read your profile see these details."
    >
      <form ref={form.formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={fetching || undefined}>
        <fieldset className="plain-fieldset" disabled={fetching}>
          <div className="form-grid">
            <Field label="Name" {...text("name")} autoComplete="name" className="span-2" />
            <Field label="Given name" {...text("givenName")} autoComplete="given-name" />
            <Field label="Family name" {...text("familyName")} autoComplete="family-name" />
            <Field
              label="Picture URL"
              {...text("picture")}
              type="url"
              inputMode="url"
              placeholder="https://"
              hint="An https:// link to a square image, or upload one above."
              className="span-2"
            />
            <Field
              label="Birth date"
              {...text("birthDate")}
              type="date"
              autoComplete="bday"
              max={new Date().toISOString().slice(0, 10)}
            />
            <SelectField label="Gender" {...text("gender")} autoComplete="sex">
              <option value="">Not set</option>
              <option value="female">Female</option>
              <option value="male">Male</option>
              <option value="other">Other</option>
            </SelectField>
            <Field
              label="Second e-mail"
              {...text("secondEmail")}
              type="email"
              autoComplete="email"
              hint="A backup address; it must differ from the one you sign in with."
            />
            <SelectField label="Country" {...text("countryCode")} autoComplete="country">
              <CountryOptions countries={countries} emptyLabel="Not set" />
            </SelectField>
          </div>
        </fieldset>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {saved ? <Alert tone="success">Your profile is saved.</Alert> : null}
        <div className="form-actions">
          <Button type="submit" loading={fetching}>
            Save profile
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
