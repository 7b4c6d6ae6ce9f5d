import type { IncomingMessage, ServerResponse } from "node:http";
import { afterThisTurnsReads } from "../http/answer-batch.js";
import { clientIpOf } from "../http/client-ip.js";
import type { Metrics } from "../http/metrics.js";
import { headerOf } from "../http/node-headers.js";
import { logRequest, requestIdFrom } from "../http/request-log.js";
import { DRAIN_LIMIT_BYTES, type FastPath } from "../http/serve.js";
import { answerJson, limiterClientId, type XwmsAnswer, type XwmsDeps } from "./deps.js";
import { XWMS_ENDPOINTS, type XwmsEndpoint } from "./endpoints.js";
import { refusal, XwmsError } from "./envelope.js";
import {
  admissionWait,
  afterAnswer,
  answerError,
  bodyTooLarge,
  tooManyRequests,
  type XwmsPipeline,
} from "./pipeline.js";

/** The endpoints every login and partner call goes through; the rest of /api stays on Hono. */
const HOT_PATHS = new Set(["/info", "/sign-token", "/sign-token-verify", "/get/user/info"]);

export type FastPathOptions = XwmsPipeline & {
  metrics: Metrics;
  /** The headers app.ts's secureHeaders middleware puts on every answer, lower-case, as Hono writes them. */
  securityHeaders: () => Promise<Record<string, string>>;
  timeoutMs: number;
  timedOut: string;
};

/** What Hono's chain labels an answer the pipeline gave before any endpoint ran (429, 413, timeout). */
const PIPELINE_ROUTE = "/api/*";

/** Request.text() decodes UTF-8 with replacement characters and drops a leading BOM; so does this. */
const utf8 = new TextDecoder();

type Body = { text: string } | { error: unknown } | { tooLarge: true };

/** The body, bounded as hono/body-limit bounds it: a declared length is judged before any byte is read. */
function readBody(incoming: IncomingMessage, limit: number): Promise<Body> {
  const declared = incoming.headers["content-length"];
  if (declared !== undefined && incoming.headers["transfer-encoding"] === undefined) {
    if (Number.parseInt(declared, 10) > limit) return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (body: Body) => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
      incoming.off("aborted", onAborted);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return done({ tooLarge: true }); // the rest is drained once the 413 is out (serve.ts)
      chunks.push(chunk);
    };
    const onEnd = () =>
      done({ text: utf8.decode(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)) });
    const onError = (error: unknown) => done({ error });
    const onAborted = () => done({ error: new Error("The client aborted the request") });
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
    incoming.on("aborted", onAborted);
  });
}

/** hono/body-limit's onError in routes.ts: a body too large to drain ends the connection. */
const undrainable = (incoming: IncomingMessage) => {
  const declared = Number(incoming.headers["content-length"]);
  return !Number.isSafeInteger(declared) || declared > DRAIN_LIMIT_BYTES;
};

/**
 * The hottest /api endpoints answered straight from Node's request, without building a web Request,
 * Headers and Response per call: the same endpoints, limiters, body limit, envelope, security headers,
 * request id, metrics, request log and timeout as Hono's chain in app.ts and routes.ts, in the same
 * order. Only exact paths are taken (no query string, no HEAD): anything else is Hono's, unchanged.
 * test/fast-path.test.ts sends every answer class through both and compares them.
 */
export function xwmsFastPath(deps: XwmsDeps, options: FastPathOptions): FastPath {
  const routes = new Map<string, XwmsEndpoint>();
  for (const endpoint of XWMS_ENDPOINTS) {
    if (HOT_PATHS.has(endpoint.path)) routes.set(`${endpoint.method} /api${endpoint.path}`, endpoint);
  }
  const { bodyLimitBytes } = deps.config;
  /** Content-Type and the security headers as writeHead's flat [name, value, …] list, built once. */
  let fixedHeaders: string[] | undefined;

  async function answer(
    incoming: IncomingMessage,
    endpoint: XwmsEndpoint,
    requestId: string,
    state: { route: string; headers: Record<string, string> },
  ): Promise<XwmsAnswer> {
    const header = (name: string) => headerOf(incoming, name);
    const ip = clientIpOf(header("x-forwarded-for"), incoming.socket.remoteAddress, options.trustProxy);
    const clientId = limiterClientId(header("x-client-id"));
    try {
      if (clientId) {
        const wait = await admissionWait(options, clientId);
        if (wait !== null) {
          state.headers["retry-after"] = String(wait);
          return refusal(tooManyRequests(wait));
        }
      }
      let text: () => Promise<string> = async () => "";
      if (endpoint.method === "POST") {
        const body = await readBody(incoming, bodyLimitBytes);
        if ("tooLarge" in body) {
          if (undrainable(incoming)) state.headers.connection = "close";
          return refusal(bodyTooLarge(bodyLimitBytes));
        }
        // A body that failed to arrive fails as c.req.text() would: readJson answers it as malformed.
        text = "error" in body ? () => Promise.reject(body.error) : async () => body.text;
      }
      state.route = `/api${endpoint.path}`;
      const answered = await endpoint.handler({ header, ip, text }, deps);
      if (clientId) await afterAnswer(options, clientId, ip, answered.status);
      return answered;
    } catch (error) {
      const failed = answerError(options, error, { requestId, path: `/api${endpoint.path}` });
      if (clientId) await afterAnswer(options, clientId, ip, failed.status);
      return failed;
    }
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse, endpoint: XwmsEndpoint) {
    const startedAt = performance.now();
    const requestId = requestIdFrom(headerOf(incoming, "x-request-id"));
    const state = { route: PIPELINE_ROUTE, headers: {} as Record<string, string> };
    fixedHeaders ??= ["content-type", "application/json", ...Object.entries(await options.securityHeaders()).flat()];
    // The endpoint's answer or the timeout's, whichever comes first: one promise, no race of two.
    let timer: NodeJS.Timeout | undefined;
    const answered = await new Promise<XwmsAnswer>((resolve, reject) => {
      timer = setTimeout(() => resolve(refusal(new XwmsError(503, options.timedOut))), options.timeoutMs);
      answer(incoming, endpoint, requestId, state).then(resolve, reject);
    });
    clearTimeout(timer);
    const { status } = answered;
    const body = answerJson(answered);
    if (answered.headers) Object.assign(state.headers, answered.headers);
    const headers = fixedHeaders.slice();
    for (const name in state.headers) headers.push(name, state.headers[name] as string);
    headers.push("x-request-id", requestId, "content-length", String(Buffer.byteLength(body)));
    await afterThisTurnsReads();
    if (!outgoing.headersSent && !outgoing.destroyed) {
      outgoing.writeHead(status, headers);
      outgoing.end(body);
    }
    options.metrics.observe(state.route, incoming.method as string, status, startedAt);
    logRequest(options.logger, {
      requestId,
      method: incoming.method as string,
      path: `/api${endpoint.path}`,
      status,
      startedAt,
      clientId: headerOf(incoming, "x-client-id"),
    });
  }

  return (incoming, outgoing) => {
    const endpoint = routes.get(`${incoming.method} ${incoming.url}`);
    if (!endpoint) return undefined;
    return handle(incoming, outgoing, endpoint).catch((error) => {
      options.logger.error("unhandled error", { path: incoming.url, error: String(error) });
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ errors: [{ message: "Internal server error" }] }));
    });
  };
}
