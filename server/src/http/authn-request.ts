import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { Config } from "../config.js";
import type { AuthnRequest } from "../core/auth/strategies.js";
import { clientIp } from "./client-ip.js";

/** A Hono request as the core's authentication strategies read it. */
export function authnRequest(c: Context, config: Config): AuthnRequest {
  return {
    header: (name) => c.req.header(name),
    cookie: (name) => getCookie(c, name),
    ip: clientIp(c, config.trustProxy),
  };
}
