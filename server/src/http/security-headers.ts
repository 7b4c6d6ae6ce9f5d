import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "../config.js";

const hsts = (config: Pick<Config, "publicUrl">) =>
  config.publicUrl.startsWith("https:") ? "max-age=31536000; includeSubDomains" : false;

/** What a browser is told about the pages, the SPA, GraphQL and the OIDC endpoints. */
export function pageSecurityHeaders(config: Pick<Config, "publicUrl" | "env">): MiddlewareHandler {
  return secureHeaders({
    // Login tokens travel in URLs; never hand them to another site in a Referer.
    referrerPolicy: "no-referrer",
    strictTransportSecurity: hsts(config),
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "https:"],
      styleSrc: ["'self'", "'unsafe-inline'", ...(config.env === "production" ? [] : ["https://unpkg.com"])],
      // GraphiQL (development only) loads its scripts from unpkg and starts them inline.
      scriptSrc: config.env === "production" ? ["'self'"] : ["'self'", "'unsafe-inline'", "https://unpkg.com"],
      frameAncestors: ["'none'"],
    },
  });
}

/**
 * The XWMS REST API answers only JSON, much of it personal data (get/user/info, sign-token-verify): the OWASP REST
 * set. No cache may keep an answer, nothing may render or frame it, and no referrer leaves. The headers that only
 * mean something for HTML (X-XSS-Protection, X-Download-Options, Origin-Agent-Cluster, COOP, DNS prefetch) are
 * left off, which also keeps every hot answer a few hundred bytes shorter.
 */
export function apiSecurityHeaders(config: Pick<Config, "publicUrl">): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: hsts(config),
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return async (c, next) => {
    await headers(c, next);
    c.res.headers.set("cache-control", "no-store");
  };
}
