import type { Context, Hono } from "hono";
import type { Config } from "../config.js";
import { startLogin } from "../core/login/login.service.js";
import { redirectAllowed } from "../core/login/redirect-url.js";
import type { Db } from "../db/client.js";

/** XWMS page paths that SDKs and the Laravel package link to, and the Gatehouse page each one is. */
const PAGE_REDIRECTS: Record<string, string> = {
  "/login": "/signin",
  "/sign": "/signin",
  "/signup": "/register",
  "/logout": "/signout",
  "/account/general": "/account",
};

/** The same path on our origin, keeping the caller's query string. */
function redirectKeepingQuery(c: Context, to: string) {
  const query = new URL(c.req.url).search;
  return c.redirect(`${to}${query}`, 302);
}

const problemPage = (c: Context, message: string) =>
  c.text(`${message} Check the client_id and redirect_uri your app links to.`, 400);

/**
 * `/oauth/login?client_id&redirect_uri&fallback_uri`: XWMS's link-only login. It starts the same login
 * as sign-token, for a redirect_uri that one of the client's active domains accepts, without a secret
 * (the token is worthless until the partner verifies it with one).
 */
async function oauthLogin(c: Context, db: Db, config: Config) {
  const clientId = c.req.query("client_id")?.slice(0, 128);
  const redirectUri = c.req.query("redirect_uri")?.slice(0, 2048);
  const fallbackUri = c.req.query("fallback_uri")?.slice(0, 2048);
  if (!clientId || !redirectUri) return problemPage(c, "This login link is missing client_id or redirect_uri.");
  const domains = await db.domain.findMany({
    where: { clientId, active: true, allowLogin: true },
    include: { urls: { where: { kind: "CALLBACK", active: true } } },
    orderBy: { createdAt: "asc" },
  });
  const domain = domains.find((candidate) => redirectAllowed(candidate, candidate.urls, redirectUri));
  if (!domain) {
    // The fallback is followed only when it is itself an address the client registered: never an open redirect.
    const safeFallback =
      fallbackUri && domains.some((candidate) => redirectAllowed(candidate, candidate.urls, fallbackUri));
    if (safeFallback) return c.redirect(fallbackUri, 302);
    return problemPage(c, "This login link does not name a redirect_uri that the app registered.");
  }
  const client = await db.client.findUniqueOrThrow({ where: { id: clientId } });
  const callbacks = domain.urls.map((url) => url.url);
  const login = await startLogin({
    db,
    config,
    auth: { client, domain: { ...domain, callbacks } },
    redirectUrl: redirectUri,
  });
  return c.redirect(login.url, 302);
}

/** Mounts the XWMS page paths at the origin's root, before the SPA takes every other path. */
export function mountXwmsPages(app: Hono, db: Db, config: Config): void {
  for (const [from, to] of Object.entries(PAGE_REDIRECTS)) {
    app.get(from, (c) => redirectKeepingQuery(c, to));
  }
  app.get("/oauth/login", (c) => oauthLogin(c, db, config));
}
