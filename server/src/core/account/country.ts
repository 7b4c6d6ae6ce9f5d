import type { Db } from "../../db/client.js";
import type { Country } from "../../generated/prisma/client.js";
import { ValidationError } from "../errors.js";

/** Resolves an ISO 3166 alpha-2 or alpha-3 code, in any case, to a seeded country; else a ValidationError on `field`. */
export async function countryByCode(db: Pick<Db, "country">, code: string, field = "countryCode"): Promise<Country> {
  const normalized = code.trim().toUpperCase();
  const country = /^[A-Z]{2}$/.test(normalized)
    ? await db.country.findUnique({ where: { shortName: normalized } })
    : /^[A-Z]{3}$/.test(normalized)
      ? await db.country.findUnique({ where: { isoAlpha3: normalized } })
      : null;
  if (!country) {
    const message = "Use a two- or three-letter ISO country code, such as NL or NLD.";
    throw new ValidationError(message, [{ field, message }]);
  }
  return country;
}
