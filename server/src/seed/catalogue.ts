import type { ScopeTier } from "../generated/prisma/client.js";

/** A field the partner API can release about a person, named as XWMS names it on the wire. */
export type ReleasedField =
  | "name"
  | "given_name"
  | "family_name"
  | "email"
  | "email_verified"
  | "picture"
  | "birth_date"
  | "gender"
  | "second_email"
  | "country"
  | "addresses"
  | "socials";

type CatalogueEntry = { key: string; summary: string; fields: readonly ReleasedField[]; tier: ScopeTier };

/** The platform's scopes and exactly the fields each one releases; the release rule reads this list. */
export const SCOPE_CATALOGUE_ENTRIES: readonly CatalogueEntry[] = [
  {
    key: "userinfo",
    summary: "Your profile",
    fields: [
      "name",
      "given_name",
      "family_name",
      "email",
      "email_verified",
      "picture",
      "birth_date",
      "gender",
      "second_email",
      "country",
    ],
    tier: "BASIC",
  },
  {
    key: "useraddresses",
    summary: "Your postal addresses, to read and update",
    fields: ["addresses"],
    tier: "VERIFIED",
  },
  {
    key: "providers",
    summary: "Your linked login providers and social profiles",
    fields: ["socials"],
    tier: "VERIFIED",
  },
];

/** The consent text names every released field, so the screen promises exactly what the API gives. */
export function scopeDescription(entry: Pick<CatalogueEntry, "summary" | "fields">): string {
  return `${entry.summary} (releases: ${entry.fields.join(", ")})`;
}

export const SCOPE_CATALOGUE: readonly { key: string; description: string; tier: ScopeTier }[] =
  SCOPE_CATALOGUE_ENTRIES.map((entry) => ({ key: entry.key, description: scopeDescription(entry), tier: entry.tier }));

/** The fields a scope key releases; none for a key outside the catalogue. */
export function fieldsOfScope(key: string): readonly ReleasedField[] {
  return FIELDS_BY_SCOPE.get(key) ?? [];
}

/** Looked up on every partner read (get/user/info, OIDC claims): a map, not a scan of the catalogue. */
const FIELDS_BY_SCOPE: ReadonlyMap<string, readonly ReleasedField[]> = new Map(
  SCOPE_CATALOGUE_ENTRIES.map((entry) => [entry.key, entry.fields]),
);

/** The public projects `GET /api/global/projects` lists, in the XWMS project shape. */
export const PROJECTS: readonly {
  slug: string;
  title: string;
  description: string;
  link: string;
  image: string;
  sortOrder: number;
  isNew?: boolean;
  categories: string[];
}[] = [
  {
    slug: "gatehouse",
    image: "https://gatehouse.dev/images/gatehouse.png",
    title: "Gatehouse",
    description: "One account for people, one integration for partners.",
    link: "https://gatehouse.dev",
    sortOrder: 1,
    categories: ["Identity"],
  },
  {
    slug: "gatehouse-sdks",
    image: "https://gatehouse.dev/images/gatehouse-sdks.png",
    title: "Gatehouse SDKs",
    description: "Client libraries for the XWMS-compatible redirect login and partner API.",
    link: "https://gatehouse.dev/sdks",
    sortOrder: 2,
    isNew: true,
    categories: ["Developer tools", "Identity"],
  },
  {
    slug: "gatehouse-status",
    image: "https://gatehouse.dev/images/gatehouse-status.png",
    title: "Gatehouse Status",
    description: "Live availability of the login and partner API.",
    link: "https://status.gatehouse.dev",
    sortOrder: 3,
    categories: ["Operations"],
  },
];
