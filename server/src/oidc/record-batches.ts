import {
  type OidcRecordRow,
  readOidcRecord,
  readOidcRecords,
  type StoredOidcRecord,
  upsertOidcRecords,
} from "../db/hot/oidc-records.js";
import type { HotQueries } from "../db/hot/sql.js";
import { batched } from "./turn-batches.js";

/** More calls than this in one batch are answered in several statements. */
const READ_LIMIT = 48;
const WRITE_LIMIT = 64;

/**
 * Record reads of every request handled in one turn of the event loop, read in one statement: oidc-provider
 * looks a token up as access token, client_credentials token and refresh token at once (introspection,
 * revocation), and under load many requests do so per turn. A single read stays the single-row statement.
 */
export const batchedReads = (sql: HotQueries) =>
  batched<string, StoredOidcRecord | undefined>(setImmediate, READ_LIMIT, async (ids) => {
    const distinct = [...new Set(ids)];
    const [only] = distinct;
    if (only === undefined) return [];
    const found =
      distinct.length > 1 ? await readOidcRecords(sql, distinct) : new Map([[only, await readOidcRecord(sql, only)]]);
    return ids.map((id) => found.get(id));
  });

/**
 * Record writes of every request handled in one turn of the event loop, saved in one statement: under load
 * many tokens are issued per turn, and one commit (one WAL flush) then stores them all instead of one each.
 * Each caller still resolves only once its own record is stored.
 */
export const batchedWrites = (sql: HotQueries) =>
  batched<OidcRecordRow, void>(setImmediate, WRITE_LIMIT, async (records) => {
    await upsertOidcRecords(sql, records, new Date());
    return records.map(() => undefined);
  });
