import type { DomainUrl } from "../../generated/prisma/client.js";
import { newId } from "./id.js";
import type { HotSql } from "./sql.js";
import { toBool, toDate, toDateOrThrow, toStr, toStrOrNull } from "./sql.js";

const ACTIVE_CALLBACKS = `SELECT "id", "domainId", "kind", "url", "active", "createdAt" FROM "DomainUrl"
WHERE "domainId" = ? AND "kind" = 'CALLBACK' AND "active" = ?`;

const INSERT_TOKEN = `INSERT INTO "LoginToken" ("id", "tokenHash", "clientId", "domainId", "redirectUrl", "email",
  "expiresAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** The one conditional UPDATE that decides the single winner among concurrent verifies. */
const CONSUME_TOKEN = `UPDATE "LoginToken" SET "consumedAt" = ?
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
};

export async function insertLoginToken(sql: HotSql, token: NewLoginToken): Promise<void> {
  const { tokenHash, clientId, domainId, redirectUrl, email, expiresAt } = token;
  await sql.run(INSERT_TOKEN, [newId(), tokenHash, clientId, domainId, redirectUrl, email, expiresAt, new Date()]);
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
