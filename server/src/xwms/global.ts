import type { XwmsHandler } from "./deps.js";
import { success } from "./envelope.js";

export const countries: XwmsHandler = async (c, { db }) => {
  const rows = await db.country.findMany({ orderBy: { name: "asc" } });
  return success(c, {
    countries: rows.map((row) => ({
      id: row.id,
      short_name: row.shortName,
      name: row.name,
      phonecode: row.phonecode,
      is_eu_member: row.isEuMember,
      capital: row.capital,
      iso_alpha3: row.isoAlpha3,
      region: row.region,
      timezone: row.timezone,
      currency_code: row.currencyCode,
    })),
  });
};

export const projects: XwmsHandler = async (c, { db }) => {
  const rows = await db.project.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  return success(c, {
    projects: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      url: row.url,
      logo: row.logo,
    })),
  });
};
