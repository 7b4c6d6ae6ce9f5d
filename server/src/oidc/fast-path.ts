import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import type Provider from "oidc-provider";
import type { Db } from "../db/client.js";
import { afterThisTurnsReads } from "../http/answer-batch.js";
import type { Logger } from "../http/logger.js";
import type { Metrics } from "../http/metrics.js";
import { headerOf } from "../http/node-headers.js";
import { logRequest, requestIdFrom } from "../http/request-log.js";
import type { FastPath } from "../http/serve.js";
import { type FastAnswer, introspect, issueClientCredentials } from "./fast-answers.js";
import { type Form, plainRequest } from "./fast-request.js";
import { OIDC_ROUTES } from "./routes.js";

export type OidcFastPathOptions = {
  db: Db;
  provider: () => Promise<Provider>;
  metrics: Metrics;
  logger: Logger;
};

type Answerer = (db: Db, provider: Provider, incoming: IncomingMessage, form: Form) => Promise<FastAnswer>;

const ANSWERERS = new Map<string, Answerer>([
  [OIDC_ROUTES.token, issueClientCredentials],
  [OIDC_ROUTES.introspection, introspect],
]);

/**
 * What oidc-provider's CORS middleware sets on the token and introspection endpoints for a request without
 * Origin (DPoP nonces and client attestation are off in provider.ts); requests with Origin go to it.
 */
const CORS_WITHOUT_ORIGIN = {
  vary: "Origin",
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "WWW-Authenticate",
};
/** Hono's route label for everything mounted under /oauth/* (mount.ts). */
const ROUTE = "/oauth/*";

function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => resolve(Buffer.concat(chunks)));
    incoming.on("error", () => resolve(undefined));
    incoming.on("aborted", () => resolve(undefined));
  });
}

/**
 * `client_credentials` at the token endpoint and introspection, answered from Node's request by the models
 * and rules oidc-provider uses (fast-answers.ts): its Client and token models, saved and found through the
 * adapter, and Gatehouse's secret and domain rules, read fresh on every call. Only answers these requests
 * can have without anything else of oidc-provider's are given here; every other request, and every refusal,
 * goes to oidc-provider untouched (the body handed over as read), so each refusal is its own.
 * test/oidc-fast-path.test.ts sends the same requests through both and compares the answers.
 */
export function oidcFastPath(options: OidcFastPathOptions): FastPath {
  const { db, metrics, logger } = options;

  async function handle(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    path: string,
    answerer: Answerer,
    toHono: () => Promise<void>,
  ) {
    const startedAt = performance.now();
    const body = await readBody(incoming);
    const provider = await options.provider();
    // A failure here (the database, say) is left to oidc-provider too, which answers it in its own words.
    const answer = body && (await answerer(db, provider, incoming, parse(body.toString())).catch(() => undefined));
    if (!answer) {
      // oidc-provider reads an already read body from `req.body` (lib/shared/selective_body.js).
      Object.assign(incoming, { body: body ?? Buffer.alloc(0) });
      return toHono();
    }
    const requestId = requestIdFrom(headerOf(incoming, "x-request-id"));
    const json = JSON.stringify(answer);
    await afterThisTurnsReads();
    if (!outgoing.destroyed) {
      outgoing.writeHead(200, {
        ...CORS_WITHOUT_ORIGIN,
        "cache-control": "no-store",
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(json),
        "x-request-id": requestId,
      });
      outgoing.end(json);
    }
    metrics.observe(ROUTE, "POST", 200, startedAt);
    logRequest(logger, {
      requestId,
      method: "POST",
      path,
      status: 200,
      startedAt,
      clientId: headerOf(incoming, "x-client-id"),
    });
  }

  return (incoming, outgoing, toHono) => {
    const path = incoming.url ?? "";
    const answerer = incoming.method === "POST" ? ANSWERERS.get(path) : undefined;
    if (!answerer || !plainRequest(incoming)) return undefined;
    return handle(incoming, outgoing, path, answerer, toHono).catch((error) => {
      logger.error("unhandled error", { path, error: String(error) });
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ errors: [{ message: "Internal server error" }] }));
    });
  };
}
