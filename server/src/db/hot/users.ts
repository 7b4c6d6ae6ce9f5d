import type { User } from "../../generated/prisma/client.js";
import { newId } from "./id.js";
import type { HotSql, Row } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toIntOrNull, toStr, toStrOrNull } from "./sql.js";

/** What a partner read releases of a person, and the rule needs: never the password hash, plan or role. */
export const CONSENTED_PERSON_FIELDS = [
  "id",
  "sub",
  "email",
  "emailVerified",
  "name",
  "givenName",
  "familyName",
  "picture",
  "birthDate",
  "gender",
  "secondEmail",
  "disabledAt",
] as const satisfies readonly (keyof User)[];

const CONSENTED_PERSON_COLUMNS = CONSENTED_PERSON_FIELDS.map((field) => `u."${field}"`).join(", ");

/** Every User column: the consented person's and what only Gatehouse itself reads. */
export const USER_COLUMNS = `${CONSENTED_PERSON_COLUMNS}, u."countryId", u."passwordHash", u."plan", u."platformRole",
  u."createdAt", u."updatedAt"`;

/**
 * The facts the visibility rule (core/consent/release.ts clientMayRead) decides on: the person behind
 * sub, whether they signed in through the client, and their consent to it, revoked or not, with its
 * scope keys joined by spaces (a scope key never holds one, as in OAuth). One row: PostgreSQL's driver
 * parses every column of every row, so a row per scope cost several times the statement itself.
 * The rule itself is not repeated here.
 */
const consentFacts = (joinKeys: string) => `SELECT ${CONSENTED_PERSON_COLUMNS}, co."shortName" AS "countryCode",
  cu."id" AS "clientUserId", c."id" AS "consentId", c."revokedAt" AS "consentRevokedAt",
  (SELECT ${joinKeys} FROM "ConsentScope" cs JOIN "Scope" s ON s."id" = cs."scopeId"
    WHERE cs."consentId" = c."id") AS "scopeKeys"
FROM "User" u
LEFT JOIN "Country" co ON co."id" = u."countryId"
LEFT JOIN "ClientUser" cu ON cu."userId" = u."id" AND cu."clientId" = ?
LEFT JOIN "Consent" c ON c."userId" = u."id" AND c."clientId" = ?
WHERE u."sub" = ?`;
const CONSENT_FACTS = {
  sqlite: consentFacts(`group_concat(s."key", ' ')`),
  postgresql: consentFacts(`string_agg(s."key", ' ')`),
};

const USER_BY_ID = `SELECT ${USER_COLUMNS} FROM "User" u WHERE u."id" = ?`;

/** A later login through the client counts up the row the first one created; every visit upsert ends with it. */
export const COUNT_CLIENT_USER_VISIT = `ON CONFLICT ("clientId", "userId") DO UPDATE SET
  "lastLoginAt" = excluded."lastLoginAt", "loginCount" = "ClientUser"."loginCount" + 1`;

const UPSERT_CLIENT_USER = `INSERT INTO "ClientUser" ("id", "clientId", "userId", "domainId", "isTestUser",
  "firstLoginAt", "lastLoginAt", "loginCount") VALUES (?, ?, ?, ?, ?, ?, ?, 1)
${COUNT_CLIENT_USER_VISIT}`;

/** The person as a consent-checked read sees them (CONSENTED_PERSON_FIELDS). */
export type ConsentedPerson = Pick<User, (typeof CONSENTED_PERSON_FIELDS)[number]>;

/** A ConsentedPerson from columns selected with CONSENTED_PERSON_COLUMNS (or USER_COLUMNS, which hold them). */
const consentedPerson = (row: Row): ConsentedPerson => ({
  id: toStr(row.id),
  sub: toStr(row.sub),
  email: toStr(row.email),
  emailVerified: toBool(row.emailVerified),
  name: toStr(row.name),
  givenName: toStrOrNull(row.givenName),
  familyName: toStrOrNull(row.familyName),
  picture: toStrOrNull(row.picture),
  birthDate: toDate(row.birthDate),
  gender: toStrOrNull(row.gender),
  secondEmail: toStrOrNull(row.secondEmail),
  disabledAt: toDate(row.disabledAt),
});

/** A User from columns selected with USER_COLUMNS. */
export const user = (row: Row): User => ({
  ...consentedPerson(row),
  countryId: toIntOrNull(row.countryId),
  passwordHash: toStr(row.passwordHash),
  plan: toStr(row.plan) as User["plan"],
  platformRole: toStr(row.platformRole) as User["platformRole"],
  createdAt: toDateOrThrow(row.createdAt),
  updatedAt: toDateOrThrow(row.updatedAt),
});

export type ConsentFactsRow = {
  user: ConsentedPerson;
  /** ISO-2 code of the person's country, read in the same statement; null when they set none. */
  country: string | null;
  signedInThrough: boolean;
  consent: { revokedAt: Date | null; scopeKeys: string[] } | null;
};

/** One statement; null only when no person has this sub. */
export async function readConsentFacts(sql: HotSql, clientId: string, sub: string): Promise<ConsentFactsRow | null> {
  const [first] = await sql.all(CONSENT_FACTS[sql.dialect], [clientId, clientId, sub]);
  if (!first) return null;
  const scopeKeys = (toStrOrNull(first.scopeKeys) ?? "").split(" ").filter(Boolean);
  return {
    user: consentedPerson(first),
    country: toStrOrNull(first.countryCode),
    signedInThrough: first.clientUserId != null,
    consent: first.consentId == null ? null : { revokedAt: toDate(first.consentRevokedAt), scopeKeys },
  };
}

export async function readUser(sql: HotSql, id: string): Promise<User | null> {
  const [row] = await sql.all(USER_BY_ID, [id]);
  return row ? user(row) : null;
}

/** Records a login through the client: the first creates the row, later ones count up. */
export async function upsertClientUser(
  sql: HotSql,
  entry: { clientId: string; userId: string; domainId: string },
  at: Date,
): Promise<void> {
  await sql.run(UPSERT_CLIENT_USER, [newId(), entry.clientId, entry.userId, entry.domainId, false, at, at]);
}
