import type { Db } from "../../db/client.js";
import { businessRelease } from "./business-release.js";
import { consentedUser } from "./consented-user.js";
import { profileOfFields, type ReleasedProfile, releasedFields } from "./release.js";

export type ReleasedSocial = { platform: string; username: string; url: string | null };

/** A person as one client may see them: the stable sub, the released profile and the granted scopes. */
export type ReleasedPerson = ReleasedProfile & {
  sub: string;
  /** Null unless the `socials` field is released and the caller asked for it. */
  socials: ReleasedSocial[] | null;
  scopes: string[];
  /** The client's own custom claims for the person; present only when one of its private scopes is granted. */
  custom_claims?: Record<string, string>;
};

/**
 * What a client may read of the person behind sub, through any door: null when the consent rule hides
 * them (the same answer as an unknown sub). Loads the socials only when released and asked for.
 */
export async function releasedPerson(
  db: Db,
  clientId: string,
  sub: string,
  options: { socials?: boolean } = {},
): Promise<ReleasedPerson | null> {
  const found = await consentedUser(db, clientId, sub);
  if (!found) return null;
  const { user, country, scopes } = found;
  const business = await businessRelease(db, clientId, user.id, scopes);
  const released = releasedFields(scopes, business.fields);
  const socials = released.has("socials") && options.socials ? await socialsAndProviders(db, user.id) : null;
  return {
    sub: user.sub,
    ...profileOfFields({ ...user, country }, released),
    socials,
    scopes: [...scopes].sort(),
    ...(business.claims ? { custom_claims: business.claims } : {}),
  };
}

/**
 * The person's socials followed by their linked login providers, in XWMS's socials shape: a provider
 * is `{platform: "google", username: <the e-mail it vouched for>, url: null}`.
 */
async function socialsAndProviders(db: Db, userId: string): Promise<ReleasedSocial[]> {
  const [socials, providers] = await Promise.all([
    db.social.findMany({ where: { userId }, select: { platform: true, username: true, url: true } }),
    db.upstreamIdentity.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  ]);
  return [
    ...socials,
    ...providers.map((identity) => ({
      platform: identity.providerSlug,
      username: identity.email ?? identity.subject,
      url: null,
    })),
  ];
}
