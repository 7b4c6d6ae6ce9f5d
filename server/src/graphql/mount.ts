import type { Hono } from "hono";
import type { Config } from "../config.js";
import type { Actor } from "../core/actor.js";
import { apiToken, clientCredentials, resolveActor, sessionCookie } from "../core/auth/strategies.js";
import type { Clock } from "../core/clock.js";
import { serviceContext } from "../core/context.js";
import { CoreError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import { authnRequest } from "../http/authn-request.js";
import { declaredBodyLimit } from "../http/body-limit.js";
import { graphqlCors } from "../http/cors.js";
import { deviceOf } from "../http/device-cookie.js";
import { callerKey, isJsonBody, mutationFields } from "../http/mutations.js";
import { closeIfUndrainable } from "../http/serve.js";
import { sessionCookie as sessionSetCookie } from "../http/session-cookie.js";
import { requestTimeout } from "../http/timeout.js";
import type { RateLimiters } from "../rate-limit/limiters.js";
import { CSRF_HEADER } from "./csrf.js";
import { withMutationOutcome } from "./mutation-outcome.js";
import { READ_BODY, type ReadBody, readBody } from "./request-body.js";
import { createGraphqlHandler } from "./yoga.js";

/** Who may call /graphql, in order: client credentials, a personal API token, then the session cookie. */
const STRATEGIES = [clientCredentials("api"), apiToken, sessionCookie(CSRF_HEADER)];

/** Mutations that start a sign-in step without a password: each one counts against its source's sign-in starts. */
const SIGN_IN_STARTS = new Set(["startPasskeySignIn", "startPasskeySecondFactor", "sendSignInCode"]);

const tooMany = (wait: number, message: string) => ({
  errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } }],
});

/** Mounts POST/GET /graphql: limits, the caller's Actor, the mutation rate limit, then Yoga. */
export function mountGraphql(
  app: Hono,
  {
    db,
    config,
    limiters,
    timedOut,
    clock,
  }: { db: Db; config: Config; limiters: RateLimiters; timedOut: string; clock: Clock },
): void {
  const yoga = createGraphqlHandler(config);
  app.use("/graphql", graphqlCors(config));
  app.use(
    "/graphql",
    requestTimeout(config.requestTimeoutMs, (c) => c.json({ errors: [{ message: timedOut }] }, 503)),
  );
  app.use(
    "/graphql",
    declaredBodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) => {
        closeIfUndrainable(c);
        return c.json({ errors: [{ message: "Request body is too large" }] }, 413);
      },
    }),
  );
  app.on(["GET", "POST"], "/graphql", async (c) => {
    if (c.req.method === "POST" && !isJsonBody(c.req.raw)) {
      const message = "Send GraphQL requests as application/json.";
      return c.json({ errors: [{ message, extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } }] }, 415);
    }
    const request = authnRequest(c, config);
    let actor: Actor;
    try {
      actor = await resolveActor(STRATEGIES, request, { db, config, clock });
    } catch (error) {
      // Credentials that do not work are refused outright, never downgraded to anonymous.
      if (!(error instanceof CoreError)) throw error;
      return c.json({ errors: [{ message: error.message, extensions: { code: "UNAUTHENTICATED" } }] }, 401);
    }
    const device = deviceOf(c, config);
    const context = serviceContext({ db, config, rateLimiters: limiters, clock }, actor, {
      ip: request.ip,
      userAgent: c.req.header("user-agent"),
      acceptLanguage: c.req.header("accept-language"),
      device: device.id,
    });
    // The body is read once, straight from Node: the mutation limit reads it here, Yoga gets it as read.
    let body: ReadBody | undefined;
    if (c.req.method === "POST") {
      try {
        body = readBody(await c.req.text());
      } catch {
        return c.json({ errors: [{ message: "The request body could not be read." }] }, 400);
      }
    }
    const fields = body && "json" in body ? mutationFields(body.json) : null;
    if (fields) {
      const wait = await limiters.mutation(callerKey(context));
      if (wait !== null) {
        c.header("Retry-After", String(wait));
        return c.json(tooMany(wait, `Too many changes in a short time. Try again in ${wait} seconds.`), 429);
      }
      const starts = fields.filter((name) => SIGN_IN_STARTS.has(name)).length;
      const startWait = starts > 0 ? await limiters.signInStart(request.ip, starts) : null;
      if (startWait !== null) {
        c.header("Retry-After", String(startWait));
        const message = `Too many sign-in attempts in a short time. Try again in ${startWait} seconds.`;
        return c.json(tooMany(startWait, message), 429);
      }
    }
    const { result: response, failed } = await withMutationOutcome(context, () =>
      yoga.fetch(c.req.raw, Object.assign(context, { [READ_BODY]: body })),
    );
    if (fields && failed) await limiters.mutationFailed(callerKey(context));
    for (const change of context.sessionChanges)
      response.headers.append("set-cookie", sessionSetCookie(config, change));
    if (device.setCookie) response.headers.append("set-cookie", device.setCookie);
    return response;
  });
}
