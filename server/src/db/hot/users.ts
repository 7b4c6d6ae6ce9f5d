import type { User } from "../../generated/prisma/client.js";
import { newId } from "./id.js";
import type { HotSql, Row } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toIntOrNull, toStr, toStrOrNull } from "./sql.js";

const USER_COLUMNS = `u."id", u."sub", u."email", u."emailVerified", u."name", u."givenName", u."familyName",
  u."picture", u."birthDate", u."gender", u."secondEmail", u."countryId", u."passwordHash", u."plan",
  u."platformRole", u."disabledAt", u."createdAt", u."updatedAt"`;

/** The person behind sub with the scope keys of their live consent to this client, if they signed in through it. */
const CONSENTED_USER = `SELECT ${USER_COLUMNS}, s."key" AS "scopeKey"
FROM "User" u
JOIN "ClientUser" cu ON cu."userId" = u."id" AND cu."clientId" = ?
JOIN "Consent" c ON c."userId" = u."id" AND c."clientId" = ? AND c."revokedAt" IS NULL
JOIN "ConsentScope" cs ON cs."consentId" = c."id"
JOIN "Scope" s ON s."id" = cs."scopeId"
WHERE u."sub" = ?`;

const USER_BY_ID = `SELECT ${USER_COLUMNS} FROM "User" u WHERE u."id" = ?`;

const UPSERT_CLIENT_USER = `INSERT INTO "ClientUser" ("id", "clientId", "userId", "domainId", "isTestUser",
  "firstLoginAt", "lastLoginAt", "loginCount") VALUES (?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT ("clientId", "userId") DO UPDATE SET "lastLoginAt" = excluded."lastLoginAt",
  "loginCount" = "ClientUser"."loginCount" + 1`;

const user = (row: Row): User => ({
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
  countryId: toIntOrNull(row.countryId),
  passwordHash: toStr(row.passwordHash),
  plan: toStr(row.plan) as User["plan"],
  platformRole: toStr(row.platformRole) as User["platformRole"],
  disabledAt: toDate(row.disabledAt),
  createdAt: toDateOrThrow(row.createdAt),
  updatedAt: toDateOrThrow(row.updatedAt),
});

/** One statement; null when the person never signed in through the client or has no live consented scope. */
export async function readConsentedUser(
  sql: HotSql,
  clientId: string,
  sub: string,
): Promise<{ user: User; scopes: Set<string> } | null> {
  const rows = await sql.all(CONSENTED_USER, [clientId, clientId, sub]);
  const first = rows[0];
  if (!first) return null;
  return { user: user(first), scopes: new Set(rows.map((row) => toStr(row.scopeKey))) };
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
