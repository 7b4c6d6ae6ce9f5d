import type { Db } from "../../db/client.js";
import { type ReleasedField, SCOPE_CATALOGUE_ENTRIES } from "../../seed/catalogue.js";

const BUILT_IN = new Set(SCOPE_CATALOGUE_ENTRIES.map((entry) => entry.key));
const PROFILE_FIELDS = new Set<string>(SCOPE_CATALOGUE_ENTRIES.find((entry) => entry.key === "userinfo")?.fields);

/** What scopes staff or the client added release beyond the built-in ones, for one person and one client. */
export type BusinessRelease = {
  /** Profile fields that catalogue scopes staff added release. */
  fields: ReleasedField[];
  /** The client's own custom claims for the person; null when no private scope of this client is granted. */
  claims: Record<string, string> | null;
};

/**
 * Reads the granted scopes that are not built in: a catalogue scope staff added releases the profile
 * fields it lists; a private scope releases its custom claims, only to the client that owns it (another
 * client's private scope releases nothing, even if it were ever in a consent). Costs no query when the
 * consent holds built-in scopes only.
 */
export async function businessRelease(
  db: Db,
  clientId: string,
  userId: string,
  scopes: ReadonlySet<string>,
): Promise<BusinessRelease> {
  const added = [...scopes].filter((key) => !BUILT_IN.has(key));
  if (added.length === 0) return { fields: [], claims: null };
  const rows = await db.scope.findMany({
    where: { key: { in: added }, OR: [{ ownerClientId: null }, { ownerClientId: clientId }] },
    select: { id: true, claims: true, ownerClientId: true },
  });
  const fields = rows
    .filter((scope) => scope.ownerClientId === null)
    .flatMap((scope) => (scope.claims ?? "").split(" "))
    .filter((field): field is ReleasedField => PROFILE_FIELDS.has(field));
  const own = rows.filter((scope) => scope.ownerClientId === clientId);
  if (own.length === 0) return { fields, claims: null };
  const values = await db.scopeClaimValue.findMany({
    where: { userId, scopeId: { in: own.map((scope) => scope.id) } },
    orderBy: { claim: "asc" },
  });
  return { fields, claims: Object.fromEntries(values.map((value) => [value.claim, value.value])) };
}
