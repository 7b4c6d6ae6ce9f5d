import type { Context, Hono } from "hono";
import type { Config } from "../config.js";
import { failure, XwmsError } from "./envelope.js";
import { apiBaseUrl } from "./info.js";

/** XWMS API paths that land at the origin's root when an SDK's base URL lacks its trailing slash. */
const ROOT_PATHS = [
  "/info",
  "/sign-token",
  "/sign-token-verify",
  "/get/user/info",
  "/get/user/address",
  "/user/address",
  "/global/*",
];

/** An SDK call rather than a person's browser: client headers, a JSON body, or JSON wanted in return. */
const fromSdk = (c: Context) =>
  Boolean(c.req.header("x-client-id")) ||
  Boolean(c.req.header("content-type")?.includes("json")) ||
  (Boolean(c.req.header("accept")?.includes("json")) && !c.req.header("accept")?.includes("text/html"));

/** Answers such calls with an envelope naming the right URL, instead of the SPA's 404 page. */
export function mountRootFallback(app: Hono, config: Config): void {
  for (const path of ROOT_PATHS) {
    app.on(["GET", "POST"], path, async (c, next) => {
      if (!fromSdk(c)) return next();
      const base = apiBaseUrl(config);
      const right = `${base}${c.req.path.slice(1)}`;
      return failure(
        c,
        new XwmsError(
          404,
          `The XWMS API lives under ${base}: call ${right}. Set your SDK's API URL (XWMS_API_URI) to ${base} with the trailing slash.`,
          { api_url: base, endpoint: right },
        ),
      );
    });
  }
}
