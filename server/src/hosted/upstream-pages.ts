import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../config.js";
import type { Actor } from "../core/actor.js";
import { sessionCookieName, sessionFromToken } from "../core/auth/session.js";
import type { Clock } from "../core/clock.js";
import { serviceContext } from "../core/context.js";
import { SecondFactorRequiredError, UpstreamSignInError } from "../core/errors.js";
import { signInWithUpstream } from "../core/upstream/account.js";
import { finishUpstream, startUpstream } from "../core/upstream/flow.js";
import type { Db } from "../db/client.js";
import { clientIp } from "../http/client-ip.js";
import { deviceOf } from "../http/device-cookie.js";
import { sessionCookie } from "../http/session-cookie.js";
import type { RateLimiters } from "../rate-limit/limiters.js";

/** Binds a callback to the browser that started the flow; Lax, because the provider sends a top-level GET. */
const STATE_COOKIE = "gatehouse_upstream_state";
const STATE_COOKIE_PATH = "/upstream";

type Deps = { db: Db; config: Config; limiters: RateLimiters; clock: Clock };

/** Back to the sign-in page with the reason, which the page words (never the provider's own text). */
function failed(c: Context, error: unknown) {
  if (!(error instanceof UpstreamSignInError)) throw error;
  return c.redirect(`/signin?upstream_error=${error.reason}`, 302);
}

/** `/upstream/:slug/start?return=/authorize?token=…`: off to the provider, with the state in a cookie. */
async function start(c: Context, { db, config, limiters }: Deps) {
  // Each start writes a row: it counts against the source's sign-in starts, shared with every other door.
  const wait = await limiters.signInStart(clientIp(c, config.trustProxy));
  if (wait !== null) {
    c.header("Retry-After", String(wait));
    return c.text(`Too many sign-in attempts in a short time. Try again in ${wait} seconds.`, 429);
  }
  try {
    const { url, state } = await startUpstream({
      db,
      config,
      slug: c.req.param("slug") ?? "",
      returnTo: c.req.query("return"),
    });
    setCookie(c, STATE_COOKIE, state, {
      path: STATE_COOKIE_PATH,
      httpOnly: true,
      sameSite: "Lax",
      secure: config.publicUrl.startsWith("https://"),
      maxAge: 600,
    });
    return c.redirect(url, 302);
  } catch (error) {
    return failed(c, error);
  }
}

/**
 * The sign-in page's second step for an upstream sign-in whose account asks for its second factor (or a
 * new-place check). The single-use challenge rides in the fragment, so it reaches no server log or Referer.
 */
function secondStepUrl(error: SecondFactorRequiredError, returnTo: string | undefined): string {
  const step = new URLSearchParams({
    second_factor: error.challenge,
    methods: error.methods.join(","),
    new_device: error.newDevice ? "1" : "0",
    return: returnTo ?? "/account",
  });
  return `/signin#${step.toString()}`;
}

/** `/upstream/:slug/callback`: the provider's answer; signs in, or sends the person to prove their account. */
async function callback(c: Context, { db, config, limiters, clock }: Deps) {
  const browserState = getCookie(c, STATE_COOKIE);
  deleteCookie(c, STATE_COOKIE, { path: STATE_COOKIE_PATH });
  // The session this browser had (if any) is replaced, never kept alongside the new one.
  const current = await sessionFromToken(db, getCookie(c, sessionCookieName(config)));
  const actor: Actor = current ? { kind: "session", user: current.user, sessionId: current.id } : { kind: "anonymous" };
  // The device cookie names this browser for the new-device check, as on every other sign-in.
  const device = deviceOf(c, config);
  if (device.setCookie) c.header("set-cookie", device.setCookie, { append: true });
  const ctx = serviceContext({ db, config, rateLimiters: limiters, clock }, actor, {
    ip: clientIp(c, config.trustProxy),
    userAgent: c.req.header("user-agent"),
    acceptLanguage: c.req.header("accept-language"),
    device: device.id,
  });
  let returnTo: string | undefined;
  try {
    const query = new URL(c.req.url).searchParams;
    const finished = await finishUpstream({
      db,
      config,
      slug: c.req.param("slug") ?? "",
      query,
      browserState,
    });
    returnTo = finished.returnTo;
    const outcome = await signInWithUpstream(ctx, finished.provider, finished.claims, finished.returnTo);
    for (const change of ctx.sessionChanges) c.header("set-cookie", sessionCookie(config, change), { append: true });
    // The ticket rides in the fragment, so it reaches neither a server log nor a Referer.
    return c.redirect(outcome.kind === "signedIn" ? outcome.returnTo : `/signin/link#ticket=${outcome.ticket}`, 302);
  } catch (error) {
    if (error instanceof SecondFactorRequiredError) return c.redirect(secondStepUrl(error, returnTo), 302);
    return failed(c, error);
  }
}

/** Mounts the upstream sign-in door (Google, Microsoft, any OpenID Connect issuer) before the SPA. */
export function mountUpstreamPages(app: Hono, deps: Deps): void {
  app.get("/upstream/:slug/start", (c) => start(c, deps));
  app.get("/upstream/:slug/callback", (c) => callback(c, deps));
}
