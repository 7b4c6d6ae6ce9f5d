import type { Prisma } from "../../generated/prisma/client.js";
import { fieldsOfScope, type ReleasedField } from "../../seed/catalogue.js";

/** What the visibility rule needs to know about one person and one client. */
export type ConsentFacts = {
  user: { disabledAt: Date | null };
  /** The person logged in through the client at least once. */
  signedInThrough: boolean;
  /** Their consent to the client, revoked or not; null when they never gave one. */
  consent: { revokedAt: Date | null; scopeKeys: readonly string[] } | null;
};

/**
 * The rule of who a client may read, through any door: an enabled account that logged in through it
 * and holds a live (unrevoked) consent that grants at least one scope. Answers the granted scope
 * keys, or null when the client may not see the person at all (the same as an unknown person).
 */
export function clientMayRead(facts: ConsentFacts): Set<string> | null {
  const { user, signedInThrough, consent } = facts;
  if (user.disabledAt || !signedInThrough || !consent || consent.revokedAt) return null;
  const scopes = new Set(consent.scopeKeys);
  return scopes.size > 0 ? scopes : null;
}

/**
 * clientMayRead projected to a Prisma filter, for lists (a client's users). Not a second rule:
 * test/consent-visibility.test.ts writes every combination of the facts into a real database and
 * fails when this filter and clientMayRead disagree about anyone.
 */
export function visibleToClient(clientId: string) {
  return {
    disabledAt: null,
    clientUsers: { some: { clientId } },
    consents: { some: { clientId, revokedAt: null, scopes: { some: {} } } },
  } satisfies Prisma.UserWhereInput;
}

/** The scope keys of the person's live consent for the client, from consents loaded with their keys. */
export function liveScopes(
  consents: readonly { clientId: string; revokedAt: Date | null; scopes: { scope: { key: string } }[] }[],
  clientId: string,
): Set<string> {
  const live = consents.filter((consent) => consent.clientId === clientId && consent.revokedAt === null);
  return new Set(live.flatMap((consent) => consent.scopes.map((entry) => entry.scope.key)));
}

/** Every field the granted scopes release, as the scope catalogue lists them. */
export function releasedFields(scopes: Iterable<string>, extra: Iterable<ReleasedField> = []): Set<ReleasedField> {
  return new Set([...[...scopes].flatMap((key) => fieldsOfScope(key)), ...extra]);
}

export type ProfileSource = {
  name: string;
  givenName: string | null;
  familyName: string | null;
  email: string;
  emailVerified: boolean;
  picture: string | null;
  birthDate: Date | null;
  gender: string | null;
  secondEmail: string | null;
  /** ISO-2 code of the person's country, when they set one. */
  country: string | null;
};

export type ReleasedProfile = {
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  email_verified: boolean | null;
  picture: string | null;
  birth_date: string | null;
  gender: string | null;
  second_email: string | null;
  country: string | null;
};

/** The profile as a client may see it: a field the granted scopes do not name is null. */
export function releaseProfile(
  user: ProfileSource,
  scopes: Iterable<string>,
  extra: Iterable<ReleasedField> = [],
): ReleasedProfile {
  return profileOfFields(user, releasedFields(scopes, extra));
}

/** releaseProfile for a caller that already has the released fields (it needs them for more than the profile). */
export function profileOfFields(user: ProfileSource, released: ReadonlySet<ReleasedField>): ReleasedProfile {
  const only = <T>(field: ReleasedField, value: T): T | null => (released.has(field) ? value : null);
  return {
    name: only("name", user.name),
    given_name: only("given_name", user.givenName),
    family_name: only("family_name", user.familyName),
    email: only("email", user.email),
    email_verified: only("email_verified", user.emailVerified),
    picture: only("picture", user.picture),
    birth_date: only("birth_date", user.birthDate?.toISOString().slice(0, 10) ?? null),
    gender: only("gender", user.gender),
    second_email: only("second_email", user.secondEmail),
    country: only("country", user.country),
  };
}

/**
 * What one scope releases, as the consent screen lists it: a built-in scope's fields from the catalogue,
 * a scope staff or a client added from its own claim list.
 */
export function releasesOf(scope: { key: string; claims: string | null }): string[] {
  const builtIn = fieldsOfScope(scope.key);
  if (builtIn.length > 0) return [...builtIn];
  return (scope.claims ?? "").split(" ").filter(Boolean);
}
