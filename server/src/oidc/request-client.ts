import Provider from "oidc-provider";
import type { Db } from "../db/client.js";
import { hotSqlOf } from "../db/hot/registry.js";
import { type OidcClientRows, readOidcClient } from "../db/oidc-client-rows.js";

type Reads = Map<string, Promise<OidcClientRows | undefined>>;
const perRequest = new WeakMap<object, Reads>();
/** Rows the fast path read, for the Client lookup it starts in the same synchronous step (clientOfRows). */
let handedOver: OidcClientRows | undefined;

/**
 * oidc-provider's Client for rows the fast path already read, so that its metadata lookup (the adapter's
 * Client find, reached synchronously) takes them instead of reading them again. Passed explicitly rather than
 * through an AsyncLocalStorage, whose first run taxes every promise of the process from then on.
 */
export function clientOfRows(provider: Provider, rows: OidcClientRows): ReturnType<Provider["Client"]["find"]> {
  handedOver = rows;
  try {
    return provider.Client.find(rows.id);
  } finally {
    handedOver = undefined;
  }
}

/**
 * The client's rows (domains, callbacks and secrets) read once per oidc-provider request: its metadata lookup and
 * its secret check then share one version check instead of making two. Nothing outlives the request, so every
 * request decides on facts current as of its own check.
 */
export function clientRowsForRequest(db: Db, clientId: string): Promise<OidcClientRows | undefined> {
  if (handedOver?.id === clientId) return Promise.resolve(handedOver);
  const ctx = Provider.ctx;
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
