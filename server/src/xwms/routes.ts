import type { Context } from "hono";
import { Hono } from "hono";
import { declaredBodyLimit } from "../http/body-limit.js";
import { clientIp } from "../http/client-ip.js";
import { closeIfUndrainable } from "../http/serve.js";
import { BAD_TEXT_MESSAGES, findBadText } from "../http/text-guard.js";
import { limiterClientId, type XwmsAnswer, type XwmsDeps, type XwmsRequest } from "./deps.js";
import { XWMS_ENDPOINTS } from "./endpoints.js";
import { type Envelope, failure, XwmsError } from "./envelope.js";
import { openApiDocument } from "./openapi.js";
import {
  admissionWait,
  afterAnswer,
  answerError,
  bodyTooLarge,
  tooManyRequests,
  type XwmsPipeline,
} from "./pipeline.js";

/** A Hono request as an endpoint reads it. */
const honoRequest = (c: Context, trustProxy: number): XwmsRequest => ({
  header: (name) => c.req.header(name),
  ip: clientIp(c, trustProxy),
  text: () => c.req.text(),
});

const send = (c: Context, answer: XwmsAnswer) => {
  for (const [name, value] of Object.entries(answer.headers ?? {})) c.header(name, value);
  return "json" in answer
    ? c.body(answer.json, answer.status, { "Content-Type": "application/json" })
    : c.json<Envelope<unknown>>(answer.envelope, answer.status);
};

/** Mounts the route table; every answer, including faults, is the XWMS envelope. */
export function xwmsRoutes(deps: XwmsDeps, pipeline: XwmsPipeline): Hono {
  const api = new Hono();
  // Before any work: a source that sent bad credentials for this client too often, then the client's volume.
  api.use(async (c, next) => {
    const clientId = limiterClientId(c.req.header("x-client-id"));
    if (!clientId) return next();
    const ip = clientIp(c, pipeline.trustProxy);
    const wait = await admissionWait(pipeline, clientId);
    if (wait !== null) {
      c.header("Retry-After", String(wait));
      return failure(c, tooManyRequests(wait));
    }
    await next();
    await afterAnswer(pipeline, clientId, ip, c.res.status);
  });
  const limitBody = declaredBodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: (c) => {
      closeIfUndrainable(c);
      return failure(c, bodyTooLarge(deps.config.bodyLimitBytes));
    },
  });
  api.use(limitBody);
  // Query strings and paths are input too: text no database can store is refused before any endpoint.
  api.use(async (c, next) => {
    const problem = findBadText(c.req.path) ?? findBadText(c.req.queries());
    if (problem) return failure(c, new XwmsError(400, BAD_TEXT_MESSAGES[problem]));
    await next();
  });
  for (const endpoint of XWMS_ENDPOINTS) {
    api.on(endpoint.method, endpoint.path, async (c) =>
      send(c, await endpoint.handler(honoRequest(c, pipeline.trustProxy), deps)),
    );
  }
  // Built once: the route table and its schemas do not change while the server runs.
  const openApi = openApiDocument(deps.config);
  api.get("/openapi.json", (c) => c.json(openApi));
  // Registered last: anything under /api that no endpoint took, before the SPA fallback can.
  api.all("*", (c) => failure(c, new XwmsError(404, `No such endpoint: ${c.req.method} ${c.req.path}`)));
  api.onError((error, c) => send(c, answerError(pipeline, error, { requestId: c.get("requestId"), path: c.req.path })));
  return api;
}
