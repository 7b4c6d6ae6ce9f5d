import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../db/client.js";
import { repoRoot } from "../db/url.js";
import { PROJECTS, SCOPE_CATALOGUE } from "./catalogue.js";

type CountryRow = {
  id: number;
  short_name: string;
  name: string;
  phonecode: string;
  is_eu_member: boolean;
  capital: string | null;
  iso_alpha3: string;
  region: string;
  timezone: string | null;
  currency_code: string | null;
};

function readCountries(): CountryRow[] {
  return JSON.parse(readFileSync(path.join(repoRoot, "prisma/seed-data/countries.json"), "utf8")) as CountryRow[];
}

/** Reference data every installation needs. Idempotent: safe to run on every start. */
export async function seedReferenceData(db: Db): Promise<void> {
  const countries = readCountries();
  const existing = await db.country.count();
  if (existing < countries.length) {
    for (const row of countries) {
      const data = {
        shortName: row.short_name,
        name: row.name,
        phonecode: row.phonecode,
        isEuMember: row.is_eu_member,
        capital: row.capital,
        isoAlpha3: row.iso_alpha3,
        region: row.region,
        timezone: row.timezone,
        currencyCode: row.currency_code,
      };
      if (existing === 0) await db.country.create({ data: { id: row.id, ...data } });
      else await db.country.upsert({ where: { id: row.id }, create: { id: row.id, ...data }, update: data });
    }
  }
  for (const scope of SCOPE_CATALOGUE) {
    // The text names the released fields, so it follows the catalogue when that changes.
    await db.scope.upsert({ where: { key: scope.key }, create: scope, update: { description: scope.description } });
  }
  for (const project of PROJECTS) {
    const { categories, ...fields } = project;
    const connect = categories.map((name) => ({ where: { name }, create: { name } }));
    await db.project.upsert({
      where: { slug: project.slug },
      create: { ...fields, categories: { connectOrCreate: connect } },
      update: {},
    });
  }
}
