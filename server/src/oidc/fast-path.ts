import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import type Provider from "oidc-provider";
import { OIDC_SCOPES } from "../core/oidc/claims.js";
import { authenticateOidcClient } from "../core/oidc/oidc-client.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../http/logger.js";
import type { Metrics } from "../http/metrics.js";
import { logRequest, requestIdFrom } from "../http/request-log.js";
import type { FastPath } from "../http/serve.js";
import { asOneRequest, clientRowsForRequest } from "./request-client.js";
import { OIDC_ROUTES } from "./routes.js";

export type OidcFastPathOptions = {
  db: Db;
  provider: () => Promise<Provider>;
  metrics: Metrics;
  logger: Logger;
};

/** Bodies larger than this are never read here (a client_credentials request is far smaller). */
const BODY_BYTES = 4096;
/** The parameters a plain client_credentials request may carry; anything else is oidc-provider's. */
const PARAMETERS = new Set(["grant_type", "scope", "client_id", "client_secret"]);
/** oidc-provider's scope syntax (lib/helpers/is_valid_scope.js). */
const SCOPE_SYNTAX = /^[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*$/u;
/** Credentials of printable ASCII only; oidc-provider refuses some other characters, so they go to it. */
const PLAIN = /^[\x20-\x7E]+$/;
/** The registered methods oidc-provider checks a client_secret for, sent either way (client_auth.js). */
const SECRET_METHODS = new Set(["client_secret_basic", "client_secret_post"]);
/**
 * What oidc-provider's CORS middleware for the token endpoint sets on a request without Origin (with DPoP
 * nonces and client attestation off, as provider.ts configures it); requests with Origin go to it.
 */
const CORS_WITHOUT_ORIGIN = {
  vary: "Origin",
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "WWW-Authenticate",
};
/** Hono's route label for everything mounted under /oauth/* (mount.ts). */
const ROUTE = "/oauth/*";

type Credentials = { clientId: string; secret: string };

/** A header as Hono's Headers reads it: repeated headers joined with ", ". */
function headerOf(incoming: IncomingMessage, name: string): string | undefined {
  const raw = incoming.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i] as string;
    if (key.length === name.length && key.toLowerCase() === name) {
      value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
    }
  }
  return value;
}

/** Only a small, declared, url-encoded body without DPoP, attestation or a query is ever taken. */
function plainRequest(incoming: IncomingMessage): boolean {
  const { headers } = incoming;
  if (headers["content-type"] !== "application/x-www-form-urlencoded") return false;
  if (headers["transfer-encoding"] !== undefined || headers.dpop !== undefined || headers.origin !== undefined)
    return false;
  if (headers["oauth-client-attestation"] !== undefined || headers["oauth-client-attestation-pop"] !== undefined)
    return false;
  const length = Number(headers["content-length"]);
  return Number.isSafeInteger(length) && length > 0 && length <= BODY_BYTES;
}

function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => resolve(Buffer.concat(chunks)));
    incoming.on("error", () => resolve(undefined));
    incoming.on("aborted", () => resolve(undefined));
  });
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

/** The client and secret of a plain client_credentials request, or undefined for anything else. */
function clientCredentialsRequest(
  incoming: IncomingMessage,
  body: Record<string, string | string[] | undefined>,
): (Credentials & { scope: string | undefined }) | undefined {
  for (const [key, value] of Object.entries(body)) {
    if (!PARAMETERS.has(key) || typeof value !== "string" || value === "") return undefined;
  }
  if (body.grant_type !== "client_credentials") return undefined;
  const scope = body.scope as string | undefined;
  if (scope !== undefined && !SCOPE_SYNTAX.test(scope)) return undefined;
  const authorization = incoming.headers.authorization;
  let credentials: Credentials | undefined;
  if (authorization !== undefined) {
    if (body.client_secret !== undefined) return undefined;
    credentials = basicCredentials(authorization);
    if (body.client_id !== undefined && body.client_id !== credentials?.clientId) return undefined;
  } else if (typeof body.client_id === "string" && typeof body.client_secret === "string") {
    credentials = { clientId: body.client_id, secret: body.client_secret };
  }
  return credentials && { ...credentials, scope };
}

/** The caller's address as oidc-provider's Koa app reads it (`ctx.ip`, with `proxy` when TRUST_PROXY is set). */
function koaIp(incoming: IncomingMessage, proxy: boolean): string {
  const forwarded = proxy ? headerOf(incoming, "x-forwarded-for") : undefined;
  const first = forwarded ? forwarded.split(/\s*,\s*/)[0] : undefined;
  return first || incoming.socket.remoteAddress || "";
}

/**
 * `client_credentials` at the token endpoint, answered from Node's request by the same models and rules
 * oidc-provider uses: its Client (metadata and allowed grants), Gatehouse's secret and domain rules
 * (authenticateOidcClient, fresh on every call) and its own ClientCredentials token, saved through the
 * adapter. Only the plain success is answered here: any other request, and any request that would not
 * succeed, goes to oidc-provider untouched (its body handed over as read), so every refusal is its own.
 * test/oidc-fast-path.test.ts sends the same requests through both and compares the answers.
 */
export function oidcFastPath(options: OidcFastPathOptions): FastPath {
  const { db, metrics, logger } = options;
  const allowedScopes = new Set(OIDC_SCOPES);

  async function issue(incoming: IncomingMessage, body: Buffer) {
    const request = clientCredentialsRequest(incoming, parse(body.toString()));
    if (!request) return undefined;
    const provider = await options.provider();
    return asOneRequest(async () => {
      const client = await provider.Client.find(request.clientId);
      if (!client || !SECRET_METHODS.has(String(client.clientAuthMethod))) return;
      if (!client.grantTypeAllowed("client_credentials")) return;
      if (client.dpopBoundAccessTokens || client.tlsClientCertificateBoundAccessTokens) return;
      if (client.clientSecretExpiresAt) return;
      const scopes = new Set(request.scope?.split(" "));
      const registered: string | undefined = client.scope;
      if (registered) {
        const allowList = new Set(registered.split(" "));
        for (const scope of scopes) if (allowedScopes.has(scope) && !allowList.has(scope)) return;
      }
      const rows = await clientRowsForRequest(db, request.clientId);
      try {
        await authenticateOidcClient(
          db,
          request.clientId,
          request.secret,
          "api",
          koaIp(incoming, provider.proxy),
          rows,
        );
      } catch {
        return;
      }
      const token = new provider.ClientCredentials({ client, scope: [...scopes].join(" ") || undefined });
      const value = await token.save();
      return {
        access_token: value,
        expires_in: token.expiration,
        scope: token.scope || undefined,
        token_type: token.tokenType,
      };
    });
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse, toHono: () => Promise<void>) {
    const startedAt = performance.now();
    const body = await readBody(incoming);
    const answer = body && (await issue(incoming, body));
    if (!answer) {
      // oidc-provider reads an already read body from `req.body` (lib/shared/selective_body.js).
      Object.assign(incoming, { body: body ?? Buffer.alloc(0) });
      return toHono();
    }
    const requestId = requestIdFrom(headerOf(incoming, "x-request-id"));
    const json = JSON.stringify(answer);
    outgoing.writeHead(200, {
      ...CORS_WITHOUT_ORIGIN,
      "cache-control": "no-store",
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(json),
    });
    outgoing.end(json);
    metrics.observe(ROUTE, "POST", 200, startedAt);
    logRequest(logger, {
      requestId,
      method: "POST",
      path: OIDC_ROUTES.token,
      status: 200,
      startedAt,
      clientId: headerOf(incoming, "x-client-id"),
    });
  }

  return (incoming, outgoing, toHono) => {
    if (incoming.method !== "POST" || incoming.url !== OIDC_ROUTES.token || !plainRequest(incoming)) return undefined;
    return handle(incoming, outgoing, toHono).catch((error) => {
      logger.error("unhandled error", { path: incoming.url, error: String(error) });
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ errors: [{ message: "Internal server error" }] }));
    });
  };
}
