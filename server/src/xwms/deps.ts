import type { Context } from "hono";
import type { Config } from "../config.js";
import type { ClientPurpose } from "../core/auth/client-credentials.js";
import { MISSING_CLIENT_CREDENTIALS } from "../core/auth/client-credentials.js";
import { type ClientActor, clientCredentials, resolveActor } from "../core/auth/strategies.js";
import type { Clock } from "../core/clock.js";
import { ClientUnauthenticatedError } from "../core/errors.js";
import type { Db } from "../db/client.js";
import { authnRequest } from "../http/authn-request.js";

export type XwmsDeps = { db: Db; config: Config; clock: Clock };

export type XwmsHandler = (c: Context, deps: XwmsDeps) => Promise<Response>;

/** Client authentication from the three X-Client-* headers an XWMS SDK sends; the only way into /api. */
export async function authenticate(c: Context, deps: XwmsDeps, purpose: ClientPurpose): Promise<ClientActor> {
  const actor = await resolveActor([clientCredentials(purpose)], authnRequest(c, deps.config), deps);
  if (actor.kind !== "client") throw new ClientUnauthenticatedError(MISSING_CLIENT_CREDENTIALS);
  return actor;
}
