import {
  type OidcRecordRow,
  readOidcRecord,
  readOidcRecords,
  type StoredOidcRecord,
  upsertOidcRecords,
} from "../db/hot/oidc-records.js";
import type { HotQueries } from "../db/hot/sql.js";

/** More calls than this in one batch are answered in several statements. */
const READ_LIMIT = 16;
const WRITE_LIMIT = 64;

type Call<In, Out> = { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void };

/**
 * Calls made while a batch is open join it; `answer` runs once for the whole batch when `schedule` fires, and
 * each caller gets its own output (or the batch's error). A batch of `limit` calls is closed at once.
 */
function batched<In, Out>(
  schedule: (flush: () => void) => void,
  limit: number,
  answer: (inputs: In[]) => Promise<Out[]>,
): (input: In) => Promise<Out> {
  let open: Call<In, Out>[] | undefined;
  const flush = async (calls: Call<In, Out>[]) => {
    try {
      const outputs = await answer(calls.map((call) => call.input));
      calls.forEach((call, index) => call.resolve(outputs[index] as Out));
    } catch (error) {
      for (const call of calls) call.reject(error);
    }
  };
  return (input) =>
    new Promise<Out>((resolve, reject) => {
      if (!open) {
        const calls: Call<In, Out>[] = [];
        open = calls;
        schedule(() => {
          if (open === calls) open = undefined;
          void flush(calls);
        });
      }
      open.push({ input, resolve, reject });
      if (open.length >= limit) open = undefined;
    });
}

/**
 * Record reads asked for in the same turn of the event loop, read in one statement: oidc-provider looks a
 * token up as access token, client_credentials token and refresh token at once (introspection, revocation),
 * which costs one statement instead of three. A single read stays the single-row statement.
 */
export const batchedReads = (sql: HotQueries) =>
  batched<string, StoredOidcRecord | undefined>(queueMicrotask, READ_LIMIT, async (ids) => {
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
