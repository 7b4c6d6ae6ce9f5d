import { type FormEvent, useRef, useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { type CountryOption, CountryOptions, SelectField } from "../../../components/account/account-fields";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError, fieldErrorMap, focusFirstInvalid, looksLikeEmail } from "../../../lib/errors";
import { type PayloadError, VALIDATION_ERROR_FIELDS } from "../account-shared";

type Profile = {
  id: string;
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  givenName: string | null;
  familyName: string | null;
  picture: string | null;
  birthDate: string | null;
  gender: string | null;
  secondEmail: string | null;
  country: CountryOption | null;
};

const PROFILE_FIELDS = `
  id
  sub
  email
  emailVerified
  name
  givenName
  familyName
  picture
  birthDate
  gender
  secondEmail
  country {
    id
    name
    shortName
  }
`;

const AccountPageProfile = gql<{ viewer: Profile | null; countries: CountryOption[] }, Record<string, never>>`
  query AccountPage_Profile {
    viewer {
      ${PROFILE_FIELDS}
    }
    countries {
      id
      name
      shortName
    }
  }
`;

type ProfileInput = {
  name: string;
  givenName: string | null;
  familyName: string | null;
  picture: string | null;
  birthDate: string | null;
  gender: string | null;
  secondEmail: string | null;
  countryCode: string | null;
};

const AccountPageUpdateProfile = gql<
  { updateProfile: { __typename: "UpdateProfileSuccess"; data: Profile } | PayloadError },
  { input: ProfileInput }
>`
  mutation AccountPage_UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ${VALIDATION_ERROR_FIELDS}
      ... on UpdateProfileSuccess {
        data {
          ${PROFILE_FIELDS}
        }
      }
    }
  }
`;

export function AccountPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AccountPageProfile, requestPolicy: "network-only" });
  const viewer = data?.viewer;

  return (
    <div className="stack">
      <title>Your account · Gatehouse</title>
      <Card aria-labelledby="profile-title">
        {error && !data ? (
          <div className="stack">
            <Alert tone="error" title="We couldn't load your profile">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                Try again
              </Button>
            </div>
          </div>
        ) : fetching && !data ? (
          <StatusBlock label="Loading your profile…" />
        ) : viewer ? (
          <>
            <div className="profile-head">
              {viewer.picture ? (
                <img className="profile-avatar" src={viewer.picture} alt="" />
              ) : (
                <span className="profile-avatar" aria-hidden="true">
                  {initials(viewer.name)}
                </span>
              )}
              <div>
                <h2 id="profile-title">{viewer.name}</h2>
                <p className="muted">{viewer.email}</p>
              </div>
            </div>
            <dl className="details">
              <dt>Email</dt>
              <dd>
                {viewer.email}
                {viewer.emailVerified ? (
                  <span className="pill pill-success">Verified</span>
                ) : (
                  <span className="pill pill-muted">Not verified</span>
                )}
              </dd>
              <dt>Account ID (sub)</dt>
              <dd>
                <code data-testid="viewer-sub">{viewer.sub}</code>
              </dd>
            </dl>
          </>
        ) : null}
      </Card>
      {viewer && data ? <ProfileForm key={viewer.id} viewer={viewer} countries={data.countries} /> : null}
    </div>
  );
}

type FormValues = {
  name: string;
  givenName: string;
  familyName: string;
  picture: string;
  birthDate: string;
  gender: string;
  secondEmail: string;
  countryCode: string;
};

function valuesOf(viewer: Profile): FormValues {
  return {
    name: viewer.name,
    givenName: viewer.givenName ?? "",
    familyName: viewer.familyName ?? "",
    picture: viewer.picture ?? "",
    birthDate: viewer.birthDate?.slice(0, 10) ?? "",
    gender: viewer.gender ?? "",
    secondEmail: viewer.secondEmail ?? "",
    countryCode: viewer.country?.shortName ?? "",
  };
}

function validate(values: FormValues, email: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = "Enter your name.";
  const picture = values.picture.trim();
  if (picture && !/^https:\/\/\S+$/i.test(picture)) errors.picture = "The picture must be an https:// URL.";
  if (values.birthDate && new Date(values.birthDate) >= new Date())
    errors.birthDate = "The birth date must be in the past.";
  const second = values.secondEmail.trim();
  if (second && !looksLikeEmail(second)) errors.secondEmail = "Enter a valid second e-mail address.";
  else if (second && second.toLowerCase() === email.toLowerCase())
    errors.secondEmail = "The second e-mail address must differ from your sign-in address.";
  return errors;
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

function ProfileForm({ viewer, countries }: { viewer: Profile; countries: CountryOption[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => valuesOf(viewer));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, updateProfile] = useMutation(AccountPageUpdateProfile);

  const set = (name: keyof FormValues) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [name]: event.target.value }));
    setSaved(false);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const found = validate(values, viewer.email);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);

    const result = await updateProfile({
      input: {
        name: values.name.trim(),
        givenName: blankToNull(values.givenName),
        familyName: blankToNull(values.familyName),
        picture: blankToNull(values.picture),
        birthDate: values.birthDate ? `${values.birthDate}T00:00:00.000Z` : null,
        gender: blankToNull(values.gender),
        secondEmail: blankToNull(values.secondEmail),
        countryCode: values.countryCode || null,
      },
    });
    const payload = result.data?.updateProfile;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't save your profile.");
    if (payload.__typename === "UpdateProfileSuccess") {
      setValues(valuesOf(payload.data));
      setSaved(true);
      return;
    }
    if (payload.__typename === "ValidationError" && payload.fieldErrors.length > 0) {
      setErrors(fieldErrorMap(payload.fieldErrors));
      return focusFirstInvalid(formRef.current);
    }
    setFormError(payload.message);
  }

  return (
    <Card aria-labelledby="profile-edit-title">
      <header className="section-head">
        <div>
          <h2 id="profile-edit-title">Edit profile</h2>
          <p className="muted">Apps you allow to read your profile see these details.</p>
        </div>
      </header>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={fetching || undefined}>
        <fieldset className="plain-fieldset" disabled={fetching}>
          <div className="form-grid">
            <Field
              label="Name"
              name="name"
              autoComplete="name"
              value={values.name}
              onChange={set("name")}
              error={errors.name}
              className="span-2"
            />
            <Field
              label="Given name"
              name="givenName"
              autoComplete="given-name"
              value={values.givenName}
              onChange={set("givenName")}
              error={errors.givenName}
            />
            <Field
              label="Family name"
              name="familyName"
              autoComplete="family-name"
              value={values.familyName}
              onChange={set("familyName")}
              error={errors.familyName}
            />
            <Field
              label="Picture URL"
              name="picture"
              type="url"
              inputMode="url"
              placeholder="https://"
              value={values.picture}
              onChange={set("picture")}
              error={errors.picture}
              hint="An https:// link to a square image."
              className="span-2"
            />
            <Field
              label="Birth date"
              name="birthDate"
              type="date"
              autoComplete="bday"
              max={new Date().toISOString().slice(0, 10)}
              value={values.birthDate}
              onChange={set("birthDate")}
              error={errors.birthDate}
            />
            <Field
              label="Gender"
              name="gender"
              autoComplete="sex"
              value={values.gender}
              onChange={set("gender")}
              error={errors.gender}
            />
            <Field
              label="Second e-mail"
              name="secondEmail"
              type="email"
              autoComplete="email"
              value={values.secondEmail}
              onChange={set("secondEmail")}
              error={errors.secondEmail}
              hint="A backup address; it must differ from the one you sign in with."
            />
            <SelectField
              label="Country"
              name="countryCode"
              autoComplete="country"
              value={values.countryCode}
              onChange={set("countryCode")}
              error={errors.countryCode}
            >
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
    </Card>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.charAt(0).toUpperCase()).join("") || "?";
}
