import { type ClientAuthRows, readClientAuth } from "./client-auth.js";
import { type CounterRow, counterOf } from "./rate-limit.js";
import { type HotSql, storable } from "./sql.js";

/** Enough for every client a busy instance serves; beyond it the least recently used client is read again. */
const CAPACITY = 4096;

const VERSION = `SELECT "authVersion" FROM "Client" WHERE "id" = ?`;
/** The version and one row of the rate-limit counters: one row always, with nulls for what does not exist. */
const VERSION_AND_COUNTER = `SELECT (SELECT "authVersion" FROM "Client" WHERE "id" = ?) AS "authVersion",
  r."points", r."expire" FROM (SELECT 1 AS "one") AS "one" LEFT JOIN "RateLimiterFlexible" r ON r."key" = ?`;
const TOUCH_SECRET = `UPDATE "ClientSecret" SET "lastUsedAt" = ? WHERE "id" = ?`;

/** What one instance remembers about clients; one per HotSql, so apps on other databases never share it. */
type InstanceMemory = {
  /** Each client's facts as last read, in least-recently-used order. */
  facts: Map<string, ClientAuthRows>;
  /** When this instance last wrote each secret's lastUsedAt (cached facts keep the value they were read with). */
  touched: Map<string, number>;
};

const memories = new WeakMap<HotSql, InstanceMemory>();

function memoryOf(sql: HotSql): InstanceMemory {
  let memory = memories.get(sql);
  if (!memory) {
    memory = { facts: new Map(), touched: new Map() };
    memories.set(sql, memory);
  }
  return memory;
}

/** Sets `key` as the most recently used entry, dropping the least recently used one beyond CAPACITY. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > CAPACITY) map.delete(map.keys().next().value as string);
}

/**
 * The client's authentication facts as of now: its version is read on every call (a tiny statement) and the
 * full rows only when it moved (database triggers move it on every relevant change, whichever instance or
 * tool made it). Callers decide validity (revoked, expired, linked, active) from these facts on every call,
 * so a change made anywhere is seen by the next call here. Callers must not modify what this returns.
 */
export async function clientAuthFacts(sql: HotSql, clientId: string): Promise<ClientAuthRows | null> {
  if (!storable(clientId)) return null;
  const [row] = await sql.all(VERSION, [clientId]);
  return factsAtVersion(sql, clientId, row?.authVersion);
}

/**
 * clientAuthFacts, and in the same statement the rate-limit counter row `counterKey` (the calling source's count of
 * bad credentials, which authentication checks first): one statement where two would cost a round trip or, on
 * SQLite, a read lock each.
 */
export async function clientAuthFactsAndCounter(
  sql: HotSql,
  clientId: string,
  counterKey: string,
): Promise<{ facts: ClientAuthRows | null; counter: CounterRow | null }> {
  if (!storable(clientId) || !storable(counterKey)) return { facts: null, counter: null };
  const [row] = await sql.all(VERSION_AND_COUNTER, [clientId, counterKey]);
  return { facts: await factsAtVersion(sql, clientId, row?.authVersion), counter: counterOf(row) };
}

/** The cached facts while `version` (just read; null: no such client) holds, otherwise read again. */
async function factsAtVersion(sql: HotSql, clientId: string, version: unknown): Promise<ClientAuthRows | null> {
  const { facts } = memoryOf(sql);
  const cached = facts.get(clientId);
  if (version == null) {
    facts.delete(clientId);
    return null;
  }
  if (cached && cached.client.authVersion === Number(version)) {
    remember(facts, clientId, cached);
    return cached;
  }
  const fresh = await readClientAuth(sql, clientId);
  if (fresh) remember(facts, clientId, fresh);
  else facts.delete(clientId);
  return fresh;
}

/** When this instance last recorded the secret's use, or its stored lastUsedAt if this instance has not. */
export function secretLastUsedAt(sql: HotSql, secretId: string, stored: Date | null): Date | null {
  const touched = memoryOf(sql).touched.get(secretId);
  if (touched === undefined) return stored;
  return stored && stored.getTime() > touched ? stored : new Date(touched);
}

export async function touchSecret(sql: HotSql, secretId: string, at: Date): Promise<void> {
  await sql.run(TOUCH_SECRET, [at, secretId]);
  remember(memoryOf(sql).touched, secretId, at.getTime());
}
