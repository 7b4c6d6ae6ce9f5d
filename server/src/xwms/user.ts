import { z } from "zod";
import type { AuthenticatedClient } from "../auth/client-credentials.js";
import { hotSqlOf } from "../db/hot/registry.js";
import { readConsentedUser } from "../db/hot/users.js";
import type { Db } from "../db.js";
import { readJson } from "./body.js";
import { authenticate, type XwmsHandler } from "./deps.js";
import { success, XwmsError } from "./envelope.js";

const subField = z.union([z.string(), z.number()]).transform((value) => String(value));

const userInfoBody = z.object({ sub: subField, socials: z.boolean().optional() });

/**
 * The user behind `sub`, if they logged in through this client and consented. Any other sub gets
 * the same "not found" as one that does not exist.
 */
export async function consentedUser(db: Db, auth: AuthenticatedClient, sub: string) {
  const found = await readConsentedUser(hotSqlOf(db), auth.client.id, sub);
  if (!found || found.user.disabledAt) throw new XwmsError(404, "User not found");
  return found;
}

export const userInfo: XwmsHandler = async (c, deps) => {
  const body = await readJson(c, userInfoBody);
  const auth = await authenticate(c, deps, "api");
  const { user, scopes } = await consentedUser(deps.db, auth, body.sub);
  const profile = scopes.has("userinfo");
  const providers = scopes.has("providers");
  const country =
    profile && user.countryId ? await deps.db.country.findUnique({ where: { id: user.countryId } }) : null;
  const socials =
    providers && body.socials
      ? await deps.db.social.findMany({
          where: { userId: user.id },
          select: { platform: true, username: true, url: true },
        })
      : null;
  const orNull = <T>(allowed: boolean, value: T) => (allowed ? value : null);
  return success(c, {
    user: {
      sub: user.sub,
      name: orNull(profile, user.name),
      given_name: orNull(profile, user.givenName),
      family_name: orNull(profile, user.familyName),
      email: orNull(profile, user.email),
      email_verified: orNull(profile, user.emailVerified),
      picture: orNull(profile, user.picture),
      birth_date: orNull(profile, user.birthDate?.toISOString().slice(0, 10) ?? null),
      gender: orNull(profile, user.gender),
      second_email: orNull(profile, user.secondEmail),
      country: country?.shortName ?? null,
      socials,
      scopes: [...scopes].sort(),
    },
  });
};
