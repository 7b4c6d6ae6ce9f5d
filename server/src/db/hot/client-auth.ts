import type { Client, ClientSecret, Domain } from "../../generated/prisma/client.js";
import type { HotSql, Row } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toStr, toStrOrNull } from "./sql.js";

export type SecretWithLinks = ClientSecret & { linkedDomainIds: string[] };

/** Everything client authentication needs about one client, read fresh on every call (never cached). */
export type ClientAuthRows = { client: Client; domains: Domain[]; secrets: SecretWithLinks[] };

const DOMAIN_FIELDS: (keyof Domain)[] = [
  "id",
  "clientId",
  "publicId",
  "rootDomain",
  "serverIp",
  "internalName",
  "logoUrl",
  "fallbackUri",
  "webhookSigningSecret",
  "allowLogin",
  "allowApi",
  "active",
  "primary",
  "testMode",
  "createdAt",
  "updatedAt",
  "ownershipVerified",
  "ownershipMethod",
  "ownershipVerifiedAt",
  "ownershipToken",
];
const CLIENT_FIELDS: (keyof Client)[] = [
  "id",
  "name",
  "ownerId",
  "verification",
  "subjectType",
  "oidcPublic",
  "backchannelLogoutUri",
  "createdAt",
  "updatedAt",
  "verifiedScopesPerRequest",
  "logoId",
];
const SECRET_FIELDS: (keyof ClientSecret)[] = [
  "id",
  "clientId",
  "label",
  "secretHash",
  "prefix",
  "expiresAt",
  "revokedAt",
  "lastUsedAt",
  "createdById",
  "createdAt",
];

const columns = (table: string, fields: string[], prefix: string) =>
  fields.map((field) => `${table}."${field}" AS "${prefix}${field}"`).join(", ");
const nulls = (fields: string[], prefix: string) => fields.map((field) => `NULL AS "${prefix}${field}"`).join(", ");

/** Every Domain column of `d`, prefixed `d_`; read back with domain(). */
export const DOMAIN_COLUMNS = columns("d", DOMAIN_FIELDS, "d_");

/**
 * PostgreSQL: the client with its domains (kind 'd', one row per domain, or one without a domain) and its secrets
 * with their links (kind 's', one row per link, or one without a link) in one round trip. Each branch leaves the
 * other's columns NULL; PostgreSQL takes their types from the other branch, so pg still types dates and booleans.
 */
const CLIENT_AUTH_ROWS = `SELECT 'd' AS "kind", ${columns("c", CLIENT_FIELDS, "")}, ${DOMAIN_COLUMNS},
  ${nulls(SECRET_FIELDS, "s_")}, NULL AS "linkedDomainId"
FROM "Client" c LEFT JOIN "Domain" d ON d."clientId" = c."id" WHERE c."id" = ?
UNION ALL
SELECT 's' AS "kind", ${nulls(CLIENT_FIELDS, "")}, ${nulls(DOMAIN_FIELDS, "d_")},
  ${columns("s", SECRET_FIELDS, "s_")}, l."domainId" AS "linkedDomainId"
FROM "ClientSecret" s LEFT JOIN "SecretDomain" l ON l."secretId" = s."id" WHERE s."clientId" = ?`;

const jsonObject = (table: string, fields: string[], prefix: string) =>
  fields.map((field) => `'${prefix}${field}', ${table}."${field}"`).join(", ");

/**
 * SQLite: the client as one row, its domains and its secrets (each with its linked domain ids) as JSON arrays.
 * The UNION above costs more here than two statements (every row carries every column); this costs less than either.
 */
const CLIENT_AUTH_JSON = `SELECT ${columns("c", CLIENT_FIELDS, "")},
  (SELECT json_group_array(json_object(${jsonObject("d", DOMAIN_FIELDS, "d_")}))
    FROM "Domain" d WHERE d."clientId" = c."id") AS "domains",
  (SELECT json_group_array(json_object(${jsonObject("s", SECRET_FIELDS, "s_")}, 'links',
      (SELECT json_group_array(l."domainId") FROM "SecretDomain" l WHERE l."secretId" = s."id")))
    FROM "ClientSecret" s WHERE s."clientId" = c."id") AS "secrets"
FROM "Client" c WHERE c."id" = ?`;

const SECRETS = `SELECT ${columns("s", SECRET_FIELDS, "s_")}, l."domainId" AS "linkedDomainId"
FROM "ClientSecret" s LEFT JOIN "SecretDomain" l ON l."secretId" = s."id" WHERE s."clientId" = ?`;

const TOUCH_SECRET = `UPDATE "ClientSecret" SET "lastUsedAt" = ? WHERE "id" = ?`;

const client = (row: Row): Client => ({
  id: toStr(row.id),
  name: toStr(row.name),
  ownerId: toStr(row.ownerId),
  verification: toStr(row.verification) as Client["verification"],
  subjectType: toStr(row.subjectType) as Client["subjectType"],
  oidcPublic: toBool(row.oidcPublic),
  backchannelLogoutUri: toStrOrNull(row.backchannelLogoutUri),
  createdAt: toDateOrThrow(row.createdAt),
  updatedAt: toDateOrThrow(row.updatedAt),
  verifiedScopesPerRequest: toBool(row.verifiedScopesPerRequest),
  logoId: toStrOrNull(row.logoId),
});

/** A Domain from columns selected with the `d_` prefix, as DOMAIN_COLUMNS does. */
export const domain = (row: Row): Domain => ({
  id: toStr(row.d_id),
  clientId: toStr(row.d_clientId),
  publicId: toStr(row.d_publicId),
  rootDomain: toStr(row.d_rootDomain),
  serverIp: toStrOrNull(row.d_serverIp),
  internalName: toStrOrNull(row.d_internalName),
  logoUrl: toStrOrNull(row.d_logoUrl),
  fallbackUri: toStrOrNull(row.d_fallbackUri),
  // A retired column (README, "Fallback Response"): nothing reads it, so the hot path does not fetch it.
  fallbackResponse: null,
  webhookSigningSecret: toStrOrNull(row.d_webhookSigningSecret),
  allowLogin: toBool(row.d_allowLogin),
  allowApi: toBool(row.d_allowApi),
  active: toBool(row.d_active),
  primary: toBool(row.d_primary),
  testMode: toBool(row.d_testMode),
  createdAt: toDateOrThrow(row.d_createdAt),
  updatedAt: toDateOrThrow(row.d_updatedAt),
  ownershipVerified: toBool(row.d_ownershipVerified),
  ownershipMethod: toStrOrNull(row.d_ownershipMethod),
  ownershipVerifiedAt: toDate(row.d_ownershipVerifiedAt),
  ownershipToken: toStrOrNull(row.d_ownershipToken),
});

/** A ClientSecret from columns selected with the `s_` prefix. */
const secret = (row: Row): ClientSecret => ({
  id: toStr(row.s_id),
  clientId: toStr(row.s_clientId),
  label: toStr(row.s_label),
  secretHash: toStr(row.s_secretHash),
  prefix: toStr(row.s_prefix),
  expiresAt: toDate(row.s_expiresAt),
  revokedAt: toDate(row.s_revokedAt),
  lastUsedAt: toDate(row.s_lastUsedAt),
  createdById: toStrOrNull(row.s_createdById),
  createdAt: toDateOrThrow(row.s_createdAt),
});

/** The client with all its domains and its secrets with their domain links, in one statement (never cached). */
export async function readClientAuth(sql: HotSql, clientId: string): Promise<ClientAuthRows | null> {
  if (sql.dialect === "sqlite") {
    const [row] = await sql.all(CLIENT_AUTH_JSON, [clientId]);
    if (!row) return null;
    const domains = (JSON.parse(String(row.domains)) as Row[]).map(domain);
    const secrets = (JSON.parse(String(row.secrets)) as Row[]).map((entry) => ({
      ...secret(entry),
      linkedDomainIds: (entry.links as unknown[]).map(toStr),
    }));
    return { client: client(row), domains, secrets };
  }
  const rows = await sql.all(CLIENT_AUTH_ROWS, [clientId, clientId]);
  const clientRows = rows.filter((row) => row.kind === "d");
  const first = clientRows[0];
  if (!first) return null;
  const domains = clientRows.filter((row) => row.d_id !== null && row.d_id !== undefined).map(domain);
  return { client: client(first), domains, secrets: secretsOf(rows.filter((row) => row.kind === "s")) };
}

/** The client's secrets with their domain links, in one statement, read fresh on every call (never cached). */
export async function readClientSecrets(sql: HotSql, clientId: string): Promise<SecretWithLinks[]> {
  return secretsOf(await sql.all(SECRETS, [clientId]));
}

/** One entry per secret from its rows (one per domain link, or one without a link). */
function secretsOf(rows: Row[]): SecretWithLinks[] {
  const secrets = new Map<string, SecretWithLinks>();
  for (const row of rows) {
    const id = toStr(row.s_id);
    let entry = secrets.get(id);
    if (!entry) {
      entry = { ...secret(row), linkedDomainIds: [] };
      secrets.set(id, entry);
    }
    if (row.linkedDomainId !== null && row.linkedDomainId !== undefined) {
      entry.linkedDomainIds.push(toStr(row.linkedDomainId));
    }
  }
  return [...secrets.values()];
}

export async function touchSecret(sql: HotSql, secretId: string, at: Date): Promise<void> {
  await sql.run(TOUCH_SECRET, [at, secretId]);
}
