import type { IncomingMessage } from "node:http";
import type Provider from "oidc-provider";
import { authenticateOidcClient, type OidcSecretUse } from "../core/oidc/oidc-client.js";
import type { Db } from "../db/client.js";
import { hotSqlOf } from "../db/hot/registry.js";
import { type OidcClientRows, readOidcClient } from "../db/oidc-client-rows.js";
import { headerOf } from "../http/node-headers.js";
import { clientOfRows } from "./request-client.js";
import { batched } from "./turn-batches.js";

/** Bodies larger than this are never read by the fast path (its requests are far smaller). */
export const FAST_BODY_BYTES = 4096;
/** Credentials of printable ASCII only; oidc-provider refuses some other characters, so they go to it. */
const PLAIN = /^[\x20-\x7E]+$/;
/** The registered methods oidc-provider checks a client_secret for, sent either way (lib/shared/client_auth.js). */
const SECRET_METHODS = new Set(["client_secret_basic", "client_secret_post"]);

export type Form = Record<string, string | string[] | undefined>;
type Credentials = { clientId: string; secret: string };
export type OidcClient = NonNullable<Awaited<ReturnType<Provider["Client"]["find"]>>>;

/**
 * Only a small, declared, url-encoded body is taken, without Origin (oidc-provider checks it against the
 * client), DPoP or client attestation.
 */
export function plainRequest(incoming: IncomingMessage): boolean {
  const { headers } = incoming;
  if (headers["content-type"] !== "application/x-www-form-urlencoded") return false;
  if (headers["transfer-encoding"] !== undefined || headers.dpop !== undefined || headers.origin !== undefined)
    return false;
  if (headers["oauth-client-attestation"] !== undefined || headers["oauth-client-attestation-pop"] !== undefined)
    return false;
  const length = Number(headers["content-length"]);
  return Number.isSafeInteger(length) && length > 0 && length <= FAST_BODY_BYTES;
}

/** Every parameter is one of `allowed`, given once and not empty (oidc-provider judges anything else). */
export function plainForm(form: Form, allowed: ReadonlySet<string>): form is Record<string, string> {
  for (const [key, value] of Object.entries(form)) {
    if (!allowed.has(key) || typeof value !== "string" || value === "") return false;
  }
  return true;
}

/** Basic credentials exactly as oidc-provider decodes them (form-encoded id and secret), when plain. */
function basicCredentials(authorization: string): Credentials | undefined {
  const [scheme, encoded, extra] = authorization.split(" ");
  if (extra !== undefined || scheme?.toLowerCase() !== "basic" || !encoded) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const basic = Buffer.from(encoded, "base64").toString("utf8");
  const colon = basic.indexOf(":");
  if (colon === -1) return undefined;
  const [clientId, secret] = [basic.slice(0, colon), basic.slice(colon + 1)];
  // '%' and '+' would be decoded by oidc-provider; those rare credentials go to it.
  if (/[%+]/.test(basic) || !PLAIN.test(clientId) || !PLAIN.test(secret)) return undefined;
  return { clientId, secret };
}

/** client_secret_basic or client_secret_post, one of them only, as oidc-provider accepts them. */
export function secretCredentials(incoming: IncomingMessage, form: Record<string, string>): Credentials | undefined {
  const authorization = incoming.headers.authorization;
  if (authorization !== undefined) {
    if (form.client_secret !== undefined) return undefined;
    const credentials = basicCredentials(authorization);
    if (form.client_id !== undefined && form.client_id !== credentials?.clientId) return undefined;
    return credentials;
  }
  const { client_id: clientId, client_secret: secret } = form;
  return clientId !== undefined && secret !== undefined ? { clientId, secret } : undefined;
}

/** The caller's address as oidc-provider's Koa app reads it (`ctx.ip`, with `proxy` when TRUST_PROXY is set). */
function koaIp(incoming: IncomingMessage, proxy: boolean): string {
  const forwarded = proxy ? headerOf(incoming, "x-forwarded-for") : undefined;
  const first = forwarded ? forwarded.split(/\s*,\s*/)[0] : undefined;
  return first || incoming.socket.remoteAddress || "";
}

/** More requests than this in one turn read their client's rows in several statements. */
const CLIENT_READ_LIMIT = 64;
const clientReads = new WeakMap<Db, (clientId: string) => Promise<OidcClientRows | undefined>>();

/**
 * The client's rows (domains, callbacks and secrets) for the fast path's requests of one turn of the event loop,
 * read once per client after they all arrived: as fresh as a read of each (one version check for the turn, see
 * db/hot/client-auth-cache.ts), never kept past the turn. Each request still decides its secret's validity from
 * them (authenticateOidcClient).
 */
function clientRowsOfTurn(db: Db, clientId: string): Promise<OidcClientRows | undefined> {
  let read = clientReads.get(db);
  if (!read) {
    const sql = hotSqlOf(db);
    read = batched<string, OidcClientRows | undefined>(setImmediate, CLIENT_READ_LIMIT, async (ids) => {
      const distinct = [...new Set(ids)];
      const rows = await Promise.all(distinct.map((id) => readOidcClient(sql, id)));
      return ids.map((id) => rows[distinct.indexOf(id)]);
    });
    clientReads.set(db, read);
  }
  return read(clientId);
}

/**
 * oidc-provider's Client for the credentials, when they authenticate it as its client_auth.js would for a
 * client_secret method: found, registered for a secret, secret not expired, and Gatehouse's secret and domain
 * rules passed (authenticateOidcClient, fresh on every call, as compareClientSecret runs them). Undefined
 * for anything else, which the caller leaves to oidc-provider.
 */
export async function authenticatedClient(
  db: Db,
  provider: Provider,
  incoming: IncomingMessage,
  credentials: Credentials,
  use: OidcSecretUse,
): Promise<OidcClient | undefined> {
  const rows = await clientRowsOfTurn(db, credentials.clientId);
  if (!rows) return;
  const client = await clientOfRows(provider, rows);
  if (!client || !SECRET_METHODS.has(String(client.clientAuthMethod)) || client.clientSecretExpiresAt) return;
  try {
    await authenticateOidcClient(
      db,
      credentials.clientId,
      credentials.secret,
      use,
      koaIp(incoming, provider.proxy),
      rows,
    );
  } catch {
    return;
  }
  return client;
}
