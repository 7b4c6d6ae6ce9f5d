import type { Country } from "../generated/prisma/client.js";
import type { XwmsHandler } from "./deps.js";
import { success } from "./envelope.js";

/** XWMS writes the calling code with its plus sign ("+31"); the seed data stores the digits. */
const withPlus = (phonecode: string) => (phonecode.startsWith("+") ? phonecode : `+${phonecode}`);

/** A country as it appears inside an address. */
export const presentCountry = (country: Country) => ({
  id: country.id,
  short_name: country.shortName,
  name: country.name,
  phonecode: withPlus(country.phonecode),
  is_eu_member: country.isEuMember,
});

export const countries: XwmsHandler = async (_request, { db }) => {
  const rows = await db.country.findMany({ orderBy: { name: "asc" } });
  return success(
    {
      countries: rows.map((row) => ({
        ...presentCountry(row),
        capital: row.capital,
        iso_alpha3: row.isoAlpha3,
        region: row.region,
        timezone: row.timezone,
        currency_code: row.currencyCode,
      })),
    },
    "Countries retrieved successfully.",
  );
};

export const projects: XwmsHandler = async (_request, { db }) => {
  const rows = await db.project.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    include: { categories: { orderBy: { id: "asc" } } },
  });
  return success(
    {
      projects: rows.map((row) => ({
        id: row.id,
        title: row.title,
        description: row.description,
        image: row.image,
        link: row.link,
        is_new: row.isNew,
        direct_redirect: row.directRedirect,
        published_at: row.publishedAt.toISOString(),
        categories: row.categories.map((category) => ({ id: category.id, name: category.name })),
      })),
    },
    "Projects retrieved successfully.",
  );
};
