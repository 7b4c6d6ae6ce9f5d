import type { Context, MiddlewareHandler } from "hono";
import type { Config } from "../config.js";
import { apiToken, resolveActor, sessionCookie } from "../core/auth/strategies.js";
import type { Clock } from "../core/clock.js";
import { type ServiceContext, serviceContext } from "../core/context.js";
import { CoreError, ValidationError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import { authnRequest } from "../http/authn-request.js";
import { declaredBodyLimit } from "../http/body-limit.js";
import { callerKey } from "../http/mutations.js";
import { closeIfUndrainable } from "../http/serve.js";
import type { RateLimiters } from "../rate-limit/limiters.js";

/**
 * What the image doors (profile picture, client logo) share: the signed-in caller's change under the
 * mutation rate limit, the upload's size limit, and serving a stored WebP by its public id.
 */

// The header /graphql requires beside the session cookie: no other site can send it.
const STRATEGIES = [apiToken, sessionCookie("x-gatehouse-csrf")];

export type ImageRouteDeps = { db: Db; config: Config; limiters: RateLimiters; clock: Clock };

const refusal = (c: Context, error: CoreError, status = error.status) =>
  c.json(
    {
      error: {
        code: error.code,
        message: error.message,
        fieldErrors: error instanceof ValidationError ? error.fieldErrors : [],
      },
    },
    status as 400,
  );

/** Runs one change as the signed-in caller: their Actor, the mutation rate limit, then `answer`'s JSON. */
export async function asSignedIn<T>(
  c: Context,
  { db, config, limiters, clock }: ImageRouteDeps,
  change: (ctx: ServiceContext) => Promise<T>,
  answer: (result: T, ctx: ServiceContext) => Promise<object> | object,
) {
  const request = authnRequest(c, config);
  try {
    const actor = await resolveActor(STRATEGIES, request, { db, config, clock });
    const ctx = serviceContext({ db, config, rateLimiters: limiters, clock }, actor, {
      ip: request.ip,
      userAgent: c.req.header("user-agent"),
      acceptLanguage: c.req.header("accept-language"),
    });
    const wait = await limiters.mutation(callerKey(ctx));
    if (wait !== null) {
      c.header("Retry-After", String(wait));
      return c.json({ error: { code: "RATE_LIMITED", message: "Too many changes in a short time." } }, 429);
    }
    return c.json(await answer(await change(ctx), ctx));
  } catch (error) {
    if (error instanceof CoreError) return refusal(c, error);
    throw error;
  }
}

/** The upload's size limit: a 413 with the field error the forms show, and the connection closed if undrainable. */
export function imageSizeLimit(maxBytes: number, field: string): MiddlewareHandler {
  const size = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  const tooLarge = new ValidationError(`The image is larger than ${size}.`, [
    { field, message: `The image is larger than ${size}.` },
  ]);
  return declaredBodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      closeIfUndrainable(c);
      return refusal(c, tooLarge, 413);
    },
  });
}

/** `GET /<prefix>/<id>.webp`: a stored image by its public id, to anyone; an id's bytes never change. */
export async function serveStoredImage(
  c: Context,
  find: (id: string) => Promise<{ data: Uint8Array; contentType: string } | null>,
  notFound: string,
) {
  const match = /^([A-Za-z0-9_-]{1,64})\.webp$/.exec(c.req.param("file") ?? "");
  const image = match?.[1] ? await find(match[1]) : null;
  if (!image) return c.json({ error: { code: "NOT_FOUND", message: notFound } }, 404);
  return c.body(new Uint8Array(image.data), 200, {
    "Content-Type": image.contentType,
    // A new upload gets a new id, so an id's bytes never change.
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
  });
}
