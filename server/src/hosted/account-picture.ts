import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Config } from "../config.js";
import {
  PROFILE_PICTURE_RULES,
  removeProfilePicture,
  storedPicture,
  uploadProfilePicture,
} from "../core/account/picture.service.js";
import { apiToken, resolveActor, sessionCookie } from "../core/auth/strategies.js";
import type { Clock } from "../core/clock.js";
import { type ServiceContext, serviceContext } from "../core/context.js";
import { CoreError, ValidationError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import { authnRequest } from "../http/authn-request.js";
import { callerKey } from "../http/mutations.js";
import { closeIfUndrainable } from "../http/serve.js";
import type { RateLimiters } from "../rate-limit/limiters.js";

// The header /graphql requires beside the session cookie: no other site can send it.
const STRATEGIES = [apiToken, sessionCookie("x-gatehouse-csrf")];

type Deps = { db: Db; config: Config; limiters: RateLimiters; clock: Clock };

const refusal = (c: Context, error: CoreError) =>
  c.json(
    {
      error: {
        code: error.code,
        message: error.message,
        fieldErrors: error instanceof ValidationError ? error.fieldErrors : [],
      },
    },
    error.status as 400,
  );

/** Runs one picture change for the signed-in person: their Actor, the mutation rate limit, the core's answer. */
async function asPerson(
  c: Context,
  { db, config, limiters, clock }: Deps,
  change: (ctx: ServiceContext) => Promise<unknown>,
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
    await change(ctx);
    const user = await db.user.findUniqueOrThrow({ where: { id: ctx.viewer?.id ?? "" }, select: { picture: true } });
    return c.json({ picture: user.picture });
  } catch (error) {
    if (error instanceof CoreError) return refusal(c, error);
    throw error;
  }
}

/**
 * The profile picture: `PUT /account/picture` takes the image file as the raw body (any type: its bytes
 * decide), `DELETE` removes it, and `GET /pictures/<id>.webp` serves uploads to anyone, as the
 * `picture` claim promises partners.
 */
export function mountAccountPicture(app: Hono, deps: Deps): void {
  const tooLarge = new ValidationError("The image is larger than 2 MB.", [
    { field: "picture", message: "The image is larger than 2 MB." },
  ]);
  app.put(
    "/account/picture",
    bodyLimit({
      maxSize: PROFILE_PICTURE_RULES.maxBytes,
      onError: (c) => {
        closeIfUndrainable(c);
        return c.json(
          { error: { code: tooLarge.code, message: tooLarge.message, fieldErrors: tooLarge.fieldErrors } },
          413,
        );
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return asPerson(c, deps, (ctx) => uploadProfilePicture({ ctx, bytes }));
    },
  );
  app.delete("/account/picture", (c) => asPerson(c, deps, (ctx) => removeProfilePicture({ ctx })));
  app.get("/pictures/:file", async (c) => {
    const match = /^([A-Za-z0-9_-]{1,64})\.webp$/.exec(c.req.param("file"));
    const picture = match?.[1] ? await storedPicture(deps.db, match[1]) : null;
    if (!picture) return c.json({ error: { code: "NOT_FOUND", message: "No such picture." } }, 404);
    return c.body(new Uint8Array(picture.data), 200, {
      "Content-Type": picture.contentType,
      // A new upload gets a new id, so an id's bytes never change.
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    });
  });
}
