import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Config } from "../config.js";
import { apiToken, resolveActor, sessionCookie } from "../core/auth/strategies.js";
import {
  CLIENT_LOGO_RULES,
  logoUrl,
  removeClientLogo,
  storedLogo,
  uploadClientLogo,
} from "../core/client/logo.service.js";
import type { Clock } from "../core/clock.js";
import { type ServiceContext, serviceContext } from "../core/context.js";
import { CoreError, ValidationError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
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

/** Runs one logo change as the signed-in member: their Actor, the mutation rate limit, the core's answer. */
async function asMember(
  c: Context,
  { db, config, limiters, clock }: Deps,
  change: (ctx: ServiceContext) => Promise<Client>,
) {
  const request = authnRequest(c, config);
  try {
    const actor = await resolveActor(STRATEGIES, request, { db, config, clock });
    const ctx = serviceContext({ db, config, rateLimiters: limiters, clock }, actor, {
      ip: request.ip,
      userAgent: c.req.header("user-agent"),
    });
    const wait = await limiters.mutation(callerKey(ctx));
    if (wait !== null) {
      c.header("Retry-After", String(wait));
      return c.json({ error: { code: "RATE_LIMITED", message: "Too many changes in a short time." } }, 429);
    }
    const client = await change(ctx);
    return c.json({ logoUrl: client.logoId ? logoUrl(config.publicUrl, client.logoId) : null });
  } catch (error) {
    if (error instanceof CoreError) return refusal(c, error);
    throw error;
  }
}

/**
 * A client's logo: `PUT /clients/<id>/logo` takes the image file as the raw body (its bytes decide the
 * type), `DELETE` removes it, and `GET /logos/<id>.webp` serves it to anyone, as the consent screen needs.
 */
export function mountClientLogo(app: Hono, deps: Deps): void {
  const tooLarge = new ValidationError("The image is larger than 1 MB.", [
    { field: "logo", message: "The image is larger than 1 MB." },
  ]);
  app.put(
    "/clients/:clientId/logo",
    bodyLimit({
      maxSize: CLIENT_LOGO_RULES.maxBytes,
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
      const clientId = c.req.param("clientId");
      return asMember(c, deps, (ctx) => uploadClientLogo({ ctx, clientId, bytes }));
    },
  );
  app.delete("/clients/:clientId/logo", (c) =>
    asMember(c, deps, (ctx) => removeClientLogo({ ctx, clientId: c.req.param("clientId") })),
  );
  app.get("/logos/:file", async (c) => {
    const match = /^([A-Za-z0-9_-]{1,64})\.webp$/.exec(c.req.param("file"));
    const logo = match?.[1] ? await storedLogo(deps.db, match[1]) : null;
    if (!logo) return c.json({ error: { code: "NOT_FOUND", message: "No such logo." } }, 404);
    return c.body(new Uint8Array(logo.data), 200, {
      "Content-Type": logo.contentType,
      // A new upload gets a new id, so an id's bytes never change.
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    });
  });
}
