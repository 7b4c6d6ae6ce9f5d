import { AsyncLocalStorage } from "node:async_hooks";
import Provider from "oidc-provider";
import type { Db } from "../db/client.js";
import { hotSqlOf } from "../db/hot/registry.js";
import { type OidcClientRows, readOidcClient } from "../db/oidc-client-rows.js";

type Reads = Map<string, Promise<OidcClientRows | undefined>>;
const perRequest = new WeakMap<object, Reads>();
/** The fast path's requests (fast-path.ts), which oidc-provider's own request context does not cover. */
const fastPathRequest = new AsyncLocalStorage<object>();

/** Runs `answer` as one request: the client's rows it reads through clientRowsForRequest are read once. */
export const asOneRequest = <T>(answer: () => Promise<T>): Promise<T> => fastPathRequest.run({}, answer);

/**
 * The client's rows (domains, callbacks and secrets) read once per oidc-provider request: its metadata lookup and
 * its secret check then share one version check instead of making two. Nothing outlives the request, so every
 * request decides on facts current as of its own check.
 */
export function clientRowsForRequest(db: Db, clientId: string): Promise<OidcClientRows | undefined> {
  const ctx = Provider.ctx ?? fastPathRequest.getStore();
  if (!ctx) return readOidcClient(hotSqlOf(db), clientId);
  let reads = perRequest.get(ctx);
  if (!reads) {
    reads = new Map();
    perRequest.set(ctx, reads);
  }
  let read = reads.get(clientId);
  if (!read) {
    read = readOidcClient(hotSqlOf(db), clientId);
    reads.set(clientId, read);
  }
  return read;
}
