import type { Db } from "../../db/client.js";
import { businessRelease } from "../consent/business-release.js";
import { consentedUser } from "../consent/consented-user.js";
import { releaseProfile } from "../consent/release.js";

/** The claims each scope may carry; oidc-provider drops every claim the granted scopes do not name. */
export const SCOPE_CLAIMS: Record<string, string[]> = {
  // custom_claims is filled only when the person granted one of the client's private scopes (businessRelease).
  openid: ["sub", "custom_claims"],
  profile: ["name", "given_name", "family_name", "picture", "birthdate", "gender"],
  email: ["email", "email_verified"],
  address: ["address"],
  userinfo: [
    "name",
    "given_name",
    "family_name",
    "picture",
    "birthdate",
    "gender",
    "email",
    "email_verified",
    "second_email",
    "country",
  ],
};

/** The Gatehouse catalogue scope whose consent a standard scope stands on. */
const CATALOGUE_SCOPE_OF: Record<string, string> = { profile: "userinfo", email: "userinfo", address: "useraddresses" };

/** Every scope the OpenID Connect door knows: the standard ones and Gatehouse's catalogue. */
export const OIDC_SCOPES = [
  "openid",
  "offline_access",
  "profile",
  "email",
  "address",
  "userinfo",
  "useraddresses",
  "providers",
];

/**
 * Of the scopes a client asked for, those the person's consent covers: openid and offline_access always,
 * a standard scope when its catalogue scope was granted, a catalogue scope when it was granted itself.
 */
export function coveredScopes(requested: Iterable<string>, consented: ReadonlySet<string>): string[] {
  return [...new Set(requested)].filter((scope) => {
    if (scope === "openid" || scope === "offline_access") return true;
    const needs = CATALOGUE_SCOPE_OF[scope] ?? scope;
    return consented.has(needs) && OIDC_SCOPES.includes(scope);
  });
}

/** The scopes of the person's live consent to the client, when the client may read them at all (release.ts). */
export async function liveConsent(db: Db, clientId: string, sub: string): Promise<Set<string> | null> {
  return (await consentedUser(db, clientId, sub))?.scopes ?? null;
}

/**
 * The person's claims as the XWMS door releases them (releaseProfile over the live consent), named as
 * OpenID Connect names them; undefined when the client may no longer read the person.
 */
export async function releasedClaims(db: Db, clientId: string, sub: string) {
  const found = await consentedUser(db, clientId, sub);
  if (!found) return undefined;
  const { user, country, scopes } = found;
  const business = await businessRelease(db, clientId, user.id, scopes);
  const profile = releaseProfile({ ...user, country }, scopes, business.fields);
  const claims: Record<string, unknown> = {
    sub: user.sub,
    name: profile.name,
    given_name: profile.given_name,
    family_name: profile.family_name,
    picture: profile.picture,
    birthdate: profile.birth_date,
    gender: profile.gender,
    email: profile.email,
    email_verified: profile.email_verified,
    second_email: profile.second_email,
    country: profile.country,
    custom_claims: business.claims ?? undefined,
  };
  if (scopes.has("useraddresses")) {
    const address = await db.address.findFirst({
      where: { userId: user.id },
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
      include: { country: { select: { shortName: true } } },
    });
    if (address) {
      claims.address = {
        street_address: [address.street, address.houseNumber].filter(Boolean).join(" "),
        locality: address.city,
        postal_code: address.postalCode ?? undefined,
        country: address.country.shortName,
      };
    }
  }
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== null && value !== undefined));
}
