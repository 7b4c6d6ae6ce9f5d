import type { Client, ClientSecret, Domain } from "../../generated/prisma/client.js";
import type { HotSql, Row } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toStr, toStrOrNull } from "./sql.js";

export type SecretWithLinks = ClientSecret & { linkedDomainIds: string[] };

/** Everything client authentication needs about one client, read fresh on every call (never cached). */
export type ClientAuthRows = { client: Client; domains: Domain[]; secrets: SecretWithLinks[] };

/** Every Domain column of `d`, prefixed `d_`; read back with domain(). */
export const DOMAIN_COLUMNS = `d."id" AS "d_id", d."clientId" AS "d_clientId", d."publicId" AS "d_publicId", d."rootDomain" AS "d_rootDomain",
  d."serverIp" AS "d_serverIp", d."internalName" AS "d_internalName", d."logoUrl" AS "d_logoUrl",
  d."fallbackUri" AS "d_fallbackUri",
  d."webhookSigningSecret" AS "d_webhookSigningSecret", d."allowLogin" AS "d_allowLogin",
  d."allowApi" AS "d_allowApi", d."active" AS "d_active", d."primary" AS "d_primary",
  d."testMode" AS "d_testMode", d."createdAt" AS "d_createdAt", d."updatedAt" AS "d_updatedAt"`;

const CLIENT_AND_DOMAINS = `SELECT c."id", c."name", c."ownerId", c."verification", c."subjectType",
  c."oidcPublic", c."backchannelLogoutUri", c."createdAt", c."updatedAt", ${DOMAIN_COLUMNS}
FROM "Client" c LEFT JOIN "Domain" d ON d."clientId" = c."id" WHERE c."id" = ?`;

const SECRETS = `SELECT s."id", s."clientId", s."label", s."secretHash", s."prefix", s."expiresAt", s."revokedAt",
  s."lastUsedAt", s."createdById", s."createdAt", l."domainId" AS "linkedDomainId"
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
});

const secret = (row: Row): ClientSecret => ({
  id: toStr(row.id),
  clientId: toStr(row.clientId),
  label: toStr(row.label),
  secretHash: toStr(row.secretHash),
  prefix: toStr(row.prefix),
  expiresAt: toDate(row.expiresAt),
  revokedAt: toDate(row.revokedAt),
  lastUsedAt: toDate(row.lastUsedAt),
  createdById: toStrOrNull(row.createdById),
  createdAt: toDateOrThrow(row.createdAt),
});

/** The client with all its domains and its secrets with their domain links, in two statements. */
export async function readClientAuth(sql: HotSql, clientId: string): Promise<ClientAuthRows | null> {
  const rows = await sql.all(CLIENT_AND_DOMAINS, [clientId]);
  const first = rows[0];
  if (!first) return null;
  const domains = rows.filter((row) => row.d_id !== null && row.d_id !== undefined).map(domain);
  return { client: client(first), domains, secrets: await readClientSecrets(sql, clientId) };
}

/** The client's secrets with their domain links, in one statement, read fresh on every call (never cached). */
export async function readClientSecrets(sql: HotSql, clientId: string): Promise<SecretWithLinks[]> {
  const secrets = new Map<string, SecretWithLinks>();
  for (const row of await sql.all(SECRETS, [clientId])) {
    const id = toStr(row.id);
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
