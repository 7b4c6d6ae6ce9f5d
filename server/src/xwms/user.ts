import { z } from "zod";
import type { AuthenticatedClient } from "../core/auth/client-credentials.js";
import { consentedUser as readableUser } from "../core/consent/consented-user.js";
import { releasedPerson } from "../core/consent/released-person.js";
import type { Db } from "../db/client.js";
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
 * The user behind `sub`, if this client may read them (the shared visibility rule). Any other sub
 * gets the same "not found" as one that does not exist.
 */
export async function consentedUser(db: Db, auth: Pick<AuthenticatedClient, "client">, sub: string) {
  const found = await readableUser(db, auth.client.id, sub);
  if (!found) throw new XwmsError(404, "User not found");
  return found;
}

export const userInfo: XwmsHandler = async (request, deps) => {
  const body = await readJson(request, userInfoBody);
  const auth = await authenticate(request, deps, "api");
  const user = await releasedPerson(deps.db, auth.client.id, body.sub, { socials: body.socials });
  if (!user) throw new XwmsError(404, "User not found");
  return success({ user });
};
