import type { Context } from "hono";
import type { Config } from "../config.js";
import { authenticateClient, type ClientPurpose, credentialsFromHeaders } from "../core/auth/client-credentials.js";
import type { Db } from "../db/client.js";
import { clientIp } from "../http/client-ip.js";

export type XwmsDeps = { db: Db; config: Config };

export type XwmsHandler = (c: Context, deps: XwmsDeps) => Promise<Response>;

/** Client authentication from the three X-Client-* headers an XWMS SDK sends. */
export function authenticate(c: Context, deps: XwmsDeps, purpose: ClientPurpose) {
  return authenticateClient(
    deps.db,
    credentialsFromHeaders((name) => c.req.header(name)),
    purpose,
    clientIp(c, deps.config.trustProxy),
  );
}
