import { i18n } from "../../../i18n/i18n";
import { looksLikeEmail } from "../../../lib/errors";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const ProfileFields = graphql(`
  fragment ProfileFields on User {
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
  }
`);

export type Profile = FragmentOf<typeof ProfileFields>;

export type FormValues = {
  name: string;
  givenName: string;
  familyName: string;
  picture: string;
  birthDate: string;
  gender: string;
  secondEmail: string;
  countryCode: string;
};

export function valuesOf(viewer: Profile): FormValues {
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

export function validate(values: FormValues, email: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = i18n.t("account:profile.errors.name");
  const picture = values.picture.trim();
  if (picture && !/^https:\/\/\S+$/i.test(picture)) errors.picture = i18n.t("account:profile.errors.picture");
  if (values.birthDate && new Date(values.birthDate) >= new Date())
    errors.birthDate = i18n.t("account:profile.errors.birthDate");
  const second = values.secondEmail.trim();
  if (second && !looksLikeEmail(second)) errors.secondEmail = i18n.t("account:profile.errors.secondEmail");
  else if (second && second.toLowerCase() === email.toLowerCase())
    errors.secondEmail = i18n.t("account:profile.errors.secondEmailSame");
  return errors;
}

export const blankToNull = (value: string) => (value.trim() ? value.trim() : null);
