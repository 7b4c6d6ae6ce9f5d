import type { Domain, DomainUrl } from "../../generated/prisma/client.js";
import { DOMAIN_COLUMNS, domain } from "./client-auth.js";
import { newId } from "./id.js";
import type { HotSql } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toStr, toStrOrNull } from "./sql.js";

const ACTIVE_CALLBACKS = `SELECT "id", "domainId", "kind", "url", "active", "createdAt" FROM "DomainUrl"
WHERE "domainId" = ? AND "kind" = 'CALLBACK' AND "active" = ?`;

const INSERT_TOKEN = `INSERT INTO "LoginToken" ("id", "tokenHash", "clientId", "domainId", "redirectUrl", "email",
  "expiresAt", "createdAt", "appRedirectUrl") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The one conditional UPDATE that decides the single winner among concurrent verifies. */
export const CONSUME_TOKEN = `UPDATE "LoginToken" SET "consumedAt" = ?
WHERE "tokenHash" = ? AND "clientId" = ? AND "domainId" = ? AND "consumedAt" IS NULL
  AND "approvedAt" IS NOT NULL AND "expiresAt" > ?
RETURNING "userId", "scopes"`;

const TOKEN_STATE = `SELECT "clientId", "domainId", "consumedAt", "deniedAt", "expiresAt" FROM "LoginToken"
WHERE "tokenHash" = ?`;

export async function activeCallbacks(sql: HotSql, domainId: string): Promise<DomainUrl[]> {
  const rows = await sql.all(ACTIVE_CALLBACKS, [domainId, true]);
  return rows.map((row) => ({
    id: toStr(row.id),
    domainId: toStr(row.domainId),
    kind: toStr(row.kind) as DomainUrl["kind"],
    url: toStr(row.url),
    active: toBool(row.active),
    createdAt: toDateOrThrow(row.createdAt),
  }));
}

export type NewLoginToken = {
  tokenHash: string;
  clientId: string;
  domainId: string;
  redirectUrl: string;
  email: string | null;
  expiresAt: Date;
  /** The app's own redirect when redirectUrl is Gatehouse's (OpenID Connect); what the consent screen names. */
  appRedirectUrl?: string | null;
};

export async function insertLoginToken(sql: HotSql, token: NewLoginToken): Promise<void> {
  const { tokenHash, clientId, domainId, redirectUrl, email, expiresAt } = token;
  const values = [newId(), tokenHash, clientId, domainId, redirectUrl, email, expiresAt, new Date()];
  await sql.run(INSERT_TOKEN, [...values, token.appRedirectUrl ?? null]);
}

/** Marks an approved, unexpired, unused token of this client and domain used; null when this call did not win. */
export async function consumeLoginToken(
  sql: HotSql,
  key: { tokenHash: string; clientId: string; domainId: string },
  now: Date,
): Promise<{ userId: string | null; scopes: string | null } | null> {
  const [row] = await sql.all(CONSUME_TOKEN, [now, key.tokenHash, key.clientId, key.domainId, now]);
  return row ? { userId: toStrOrNull(row.userId), scopes: toStrOrNull(row.scopes) } : null;
}

export type LoginTokenState = {
  clientId: string;
  domainId: string;
  consumedAt: Date | null;
  deniedAt: Date | null;
  expiresAt: Date;
};

/** Why a token could not be consumed; read only after the conditional UPDATE lost. */
export async function loginTokenState(sql: HotSql, tokenHash: string): Promise<LoginTokenState | null> {
  const [row] = await sql.all(TOKEN_STATE, [tokenHash]);
  if (!row) return null;
  return {
    clientId: toStr(row.clientId),
    domainId: toStr(row.domainId),
    consumedAt: toDate(row.consumedAt),
    deniedAt: toDate(row.deniedAt),
    expiresAt: toDateOrThrow(row.expiresAt),
  };
}

const LOGIN_WITH_DOMAIN = `SELECT t."id", t."clientId", t."redirectUrl", t."email", t."approvedAt", t."deniedAt",
  t."consumedAt", t."expiresAt", t."appRedirectUrl", c."name" AS "clientName", ${DOMAIN_COLUMNS}
FROM "LoginToken" t JOIN "Client" c ON c."id" = t."clientId" JOIN "Domain" d ON d."id" = t."domainId"
WHERE t."tokenHash" = ?`;

export type LoginForBrowser = {
  id: string;
  clientId: string;
  redirectUrl: string;
  email: string | null;
  approvedAt: Date | null;
  deniedAt: Date | null;
  consumedAt: Date | null;
  expiresAt: Date;
  /** Where an OpenID Connect login returns to (its redirect_uri); null for XWMS logins. */
  appRedirectUrl: string | null;
  client: { name: string };
  /** With its active callback URLs, which decide whether its fallback URI may be followed. */
  domain: Domain & { urls: DomainUrl[] };
};

/** A login token as the hosted login page and the approval need it; null when no token has this hash. */
export async function readLoginForBrowser(sql: HotSql, tokenHash: string): Promise<LoginForBrowser | null> {
  const [row] = await sql.all(LOGIN_WITH_DOMAIN, [tokenHash]);
  if (!row) return null;
  const loginDomain = domain(row);
  return {
    id: toStr(row.id),
    clientId: toStr(row.clientId),
    redirectUrl: toStr(row.redirectUrl),
    email: toStrOrNull(row.email),
    approvedAt: toDate(row.approvedAt),
    deniedAt: toDate(row.deniedAt),
    consumedAt: toDate(row.consumedAt),
    expiresAt: toDateOrThrow(row.expiresAt),
    appRedirectUrl: toStrOrNull(row.appRedirectUrl),
    client: { name: toStr(row.clientName) },
    domain: { ...loginDomain, urls: await activeCallbacks(sql, loginDomain.id) },
  };
}
