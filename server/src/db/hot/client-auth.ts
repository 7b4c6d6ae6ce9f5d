import type { Client, ClientSecret, Domain } from "../../generated/prisma/client.js";
import type { HotSql, Row } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toStr, toStrOrNull } from "./sql.js";

export type SecretWithLinks = ClientSecret & { linkedDomainIds: string[] };
/** A domain with its active callback URLs, which login redirects and OpenID Connect redirect URIs allow. */
export type DomainWithCallbacks = Domain & { callbacks: string[] };

/**
 * Everything client authentication and login redirects need about one client, as of `client.authVersion`
 * (read in the same statement, so the rows always match their version; client-auth-cache.ts keys on it).
 */
export type ClientAuthRows = { client: Client; domains: DomainWithCallbacks[]; secrets: SecretWithLinks[] };

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
  "authVersion",
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
 * PostgreSQL: the client with its domains (kind 'd', one row per domain, or one without a domain), its secrets
 * with their links (kind 's', one row per link, or one without a link) and its domains' active callback URLs
 * (kind 'u') in one round trip. Each branch leaves the others' columns NULL; PostgreSQL takes their types from
 * the branch that has them, so pg still types dates and booleans.
 */
const CLIENT_AUTH_ROWS = `SELECT 'd' AS "kind", ${columns("c", CLIENT_FIELDS, "")}, ${DOMAIN_COLUMNS},
  ${nulls(SECRET_FIELDS, "s_")}, NULL AS "linkedDomainId", NULL AS "callbackDomainId", NULL AS "callback"
FROM "Client" c LEFT JOIN "Domain" d ON d."clientId" = c."id" WHERE c."id" = ?
UNION ALL
SELECT 's' AS "kind", ${nulls(CLIENT_FIELDS, "")}, ${nulls(DOMAIN_FIELDS, "d_")},
  ${columns("s", SECRET_FIELDS, "s_")}, l."domainId" AS "linkedDomainId", NULL AS "callbackDomainId", NULL AS "callback"
FROM "ClientSecret" s LEFT JOIN "SecretDomain" l ON l."secretId" = s."id" WHERE s."clientId" = ?
UNION ALL
SELECT 'u' AS "kind", ${nulls(CLIENT_FIELDS, "")}, ${nulls(DOMAIN_FIELDS, "d_")},
  ${nulls(SECRET_FIELDS, "s_")}, NULL AS "linkedDomainId", u."domainId" AS "callbackDomainId", u."url" AS "callback"
FROM "DomainUrl" u JOIN "Domain" d ON d."id" = u."domainId"
WHERE d."clientId" = ? AND u."kind" = 'CALLBACK' AND u."active" = ?`;

const jsonObject = (table: string, fields: string[], prefix: string) =>
  fields.map((field) => `'${prefix}${field}', ${table}."${field}"`).join(", ");

/**
 * SQLite: the client as one row, its domains (each with its active callback URLs) and its secrets (each with its
 * linked domain ids) as JSON arrays. The UNION above costs more here than several statements (every row carries
 * every column); this costs less than either.
 */
const CLIENT_AUTH_JSON = `SELECT ${columns("c", CLIENT_FIELDS, "")},
  (SELECT json_group_array(json_object(${jsonObject("d", DOMAIN_FIELDS, "d_")}, 'callbacks',
      (SELECT json_group_array(u."url") FROM "DomainUrl" u
        WHERE u."domainId" = d."id" AND u."kind" = 'CALLBACK' AND u."active" = 1)))
    FROM "Domain" d WHERE d."clientId" = c."id") AS "domains",
  (SELECT json_group_array(json_object(${jsonObject("s", SECRET_FIELDS, "s_")}, 'links',
      (SELECT json_group_array(l."domainId") FROM "SecretDomain" l WHERE l."secretId" = s."id")))
    FROM "ClientSecret" s WHERE s."clientId" = c."id") AS "secrets"
FROM "Client" c WHERE c."id" = ?`;

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
  authVersion: Number(row.authVersion),
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

/**
 * The client with all its domains and their callback URLs and its secrets with their domain links, in one
 * statement. The hot path reads it through clientAuthFacts (client-auth-cache.ts), which keeps it per version.
 */
export async function readClientAuth(sql: HotSql, clientId: string): Promise<ClientAuthRows | null> {
  if (sql.dialect === "sqlite") {
    const [row] = await sql.all(CLIENT_AUTH_JSON, [clientId]);
    if (!row) return null;
    const domains = (JSON.parse(String(row.domains)) as Row[]).map((entry) => ({
      ...domain(entry),
      callbacks: (entry.callbacks as unknown[]).map(toStr),
    }));
    const secrets = (JSON.parse(String(row.secrets)) as Row[]).map((entry) => ({
      ...secret(entry),
      linkedDomainIds: (entry.links as unknown[]).map(toStr),
    }));
    return { client: client(row), domains, secrets };
  }
  const rows = await sql.all(CLIENT_AUTH_ROWS, [clientId, clientId, clientId, true]);
  const clientRows = rows.filter((row) => row.kind === "d");
  const first = clientRows[0];
  if (!first) return null;
  const domains = clientRows
    .filter((row) => row.d_id !== null && row.d_id !== undefined)
    .map((row): DomainWithCallbacks => ({ ...domain(row), callbacks: [] }));
  const byId = new Map(domains.map((entry) => [entry.id, entry]));
  for (const row of rows) {
    if (row.kind === "u") byId.get(toStr(row.callbackDomainId))?.callbacks.push(toStr(row.callback));
  }
  return { client: client(first), domains, secrets: secretsOf(rows.filter((row) => row.kind === "s")) };
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
