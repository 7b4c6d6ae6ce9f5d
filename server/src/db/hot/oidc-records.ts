import type { HotQueries, Row } from "./sql.js";
import { storable, toDate, toStr } from "./sql.js";

/**
 * oidc-provider's records (tokens, codes, grants, sessions, interactions) in "OidcRecord", on the hot path's
 * prepared statements: saving the tokens issued together, finding them for introspection or userinfo, and
 * consuming a code are one statement each, the same SQL on both dialects.
 */
export type OidcRecordRow = {
  /** Already keyed (a digest for bearer values); the caller decides. */
  id: string;
  model: string;
  payload: string;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  clientId: string | null;
  accountId: string | null;
  expiresAt: Date | null;
};

export type StoredOidcRecord = { payload: string; consumedAt: Date | null; expiresAt: Date | null };

const COLUMNS = `"id", "model", "payload", "grantId", "userCode", "uid", "clientId", "accountId", "expiresAt", "createdAt"`;
const ON_CONFLICT = `ON CONFLICT ("id") DO UPDATE SET "payload" = excluded."payload", "grantId" = excluded."grantId",
  "userCode" = excluded."userCode", "uid" = excluded."uid", "clientId" = excluded."clientId",
  "accountId" = excluded."accountId", "expiresAt" = excluded."expiresAt"`;
const FIND = `SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "id" = ?`;
const FIND_BY_UID = `SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "model" = ? AND "uid" = ?`;
const FIND_BY_USER_CODE = `SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "model" = ? AND "userCode" = ?`;
const CONSUME = `UPDATE "OidcRecord" SET "consumedAt" = ? WHERE "id" = ? AND "consumedAt" IS NULL`;
const DESTROY = `DELETE FROM "OidcRecord" WHERE "id" = ?`;
const REVOKE_GRANT = `DELETE FROM "OidcRecord" WHERE "grantId" = ? AND "model" = ?`;

const stored = (row: Row | undefined): StoredOidcRecord | undefined =>
  row
    ? { payload: toStr(row.payload), consumedAt: toDate(row.consumedAt), expiresAt: toDate(row.expiresAt) }
    : undefined;

/** Statement texts by how many records they write, made once each. */
const upsertMany = new Map<number, string>();
const upsertText = (count: number) => {
  let text = upsertMany.get(count);
  if (!text) {
    const row = `(${Array(10).fill("?").join(", ")})`;
    text = `INSERT INTO "OidcRecord" (${COLUMNS}) VALUES ${Array(count).fill(row).join(", ")}\n${ON_CONFLICT}`;
    upsertMany.set(count, text);
  }
  return text;
};

/**
 * Saves records in one statement, so one commit (one WAL flush) covers them all. A record given twice is saved
 * as its last version, as saving them one after another would leave it (PostgreSQL refuses an upsert that
 * touches one row twice).
 */
export async function upsertOidcRecords(sql: HotQueries, records: OidcRecordRow[], now: Date): Promise<void> {
  const latest = [...new Map(records.map((record) => [record.id, record])).values()];
  if (!latest.length) return;
  await sql.run(
    upsertText(latest.length),
    latest.flatMap((record) => [
      record.id,
      record.model,
      record.payload,
      record.grantId,
      record.userCode,
      record.uid,
      record.clientId,
      record.accountId,
      record.expiresAt,
      now,
    ]),
  );
}

export async function readOidcRecord(sql: HotQueries, id: string): Promise<StoredOidcRecord | undefined> {
  if (!storable(id)) return undefined;
  const [row] = await sql.all(FIND, [id]);
  return stored(row);
}

export async function readOidcRecordBy(
  sql: HotQueries,
  model: string,
  by: "uid" | "userCode",
  value: string,
): Promise<StoredOidcRecord | undefined> {
  if (!storable(value)) return undefined;
  const [row] = await sql.all(by === "uid" ? FIND_BY_UID : FIND_BY_USER_CODE, [model, value]);
  return stored(row);
}

/** Statement texts by how many ids they read, made once each. */
const findMany = new Map<number, string>();
const findManyText = (count: number) => {
  let text = findMany.get(count);
  if (!text) {
    text = `SELECT "id", "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "id" IN (${Array(count).fill("?").join(", ")})`;
    findMany.set(count, text);
  }
  return text;
};

/** Several records by id in one statement (introspection looks a token up in three models at once). */
export async function readOidcRecords(sql: HotQueries, ids: string[]): Promise<Map<string, StoredOidcRecord>> {
  const found = new Map<string, StoredOidcRecord>();
  // One hostile token must not fail the statement the other requests of its turn share.
  const keys = ids.filter(storable);
  if (!keys.length) return found;
  for (const row of await sql.all(findManyText(keys.length), keys)) {
    const record = stored(row);
    if (record) found.set(toStr(row.id), record);
  }
  return found;
}

/** Marks the record consumed once; true only for the call that did. */
export async function consumeOidcRecord(sql: HotQueries, id: string, at: Date): Promise<boolean> {
  return (await sql.run(CONSUME, [at, id])) === 1;
}

export async function deleteOidcRecord(sql: HotQueries, id: string): Promise<void> {
  await sql.run(DESTROY, [id]);
}

export async function deleteOidcGrantRecords(sql: HotQueries, grantId: string, model: string): Promise<void> {
  await sql.run(REVOKE_GRANT, [grantId, model]);
}
