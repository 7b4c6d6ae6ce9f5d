import { z } from "zod";
import type { AuthenticatedClient } from "../auth/client-credentials.js";
import type { Db } from "../db.js";
import { readJson } from "./body.js";
import { authenticate, type XwmsHandler } from "./deps.js";
import { success, XwmsError } from "./envelope.js";

/** SDKs send `sub` as a number (JS `Number(sub)`, PHP `(int) $sub`); it is stored as digits. */
export const subField = z
  .union([z.string().min(1).max(64), z.number().int().nonnegative()])
  .transform((value) => String(value))
  .meta({ description: "The person's stable XWMS id, as a number or a string of digits." });

/** Both SDKs add their configured redirect URL to every POST body; it is accepted and not used. */
export const redirectUrlField = z.string().max(2048).nullish();

export const userInfoBody = z.strictObject({
  sub: subField,
  socials: z.boolean().optional(),
  redirect_url: redirectUrlField,
});

/**
 * The user behind `sub`, if they logged in through this client and consented. Any other sub gets
 * the same "not found" as one that does not exist.
 */
export async function consentedUser(db: Db, auth: AuthenticatedClient, sub: string) {
  const found = await db.user.findUnique({
    where: { sub },
    include: {
      clientUsers: { where: { clientId: auth.client.id }, select: { id: true } },
      consents: {
        where: { clientId: auth.client.id, revokedAt: null },
        select: { scopes: { select: { scope: { select: { key: true } } } } },
      },
    },
  });
  const scopes = new Set(found?.consents.flatMap((consent) => consent.scopes.map((entry) => entry.scope.key)));
  if (!found || found.disabledAt || found.clientUsers.length === 0 || scopes.size === 0)
    throw new XwmsError(404, "User not found");
  const { clientUsers: _clientUsers, consents: _consents, ...user } = found;
  return { user, scopes };
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
