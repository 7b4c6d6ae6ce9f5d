import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { User } from "../generated/prisma/client.js";
import type { RateLimiters } from "../rate-limit/limiters.js";
import { Access } from "./access.js";
import { type Actor, personOf } from "./actor.js";
import type { SessionChange } from "./auth/session.js";
import type { Clock } from "./clock.js";

/**
 * What every service gets besides its input: who acts (actor, with the person as viewer), the
 * per-request permission cache, and the dependencies. No transport's context: a door builds this,
 * and may extend it (GraphQL adds nothing a service reads).
 */
export type ServiceContext = {
  db: Db;
  config: Config;
  actor: Actor;
  /** The signed-in person (session or API token); null for anonymous, client and system actors. */
  viewer: User | null;
  sessionId: string | undefined;
  access: Access;
  ip: string | undefined;
  userAgent: string | undefined;
  /** The browser's device cookie (a random id), when the door has one; new-device checks key on it. */
  device: string | undefined;
  /** The request's Accept-Language header: the language of mail it causes to someone without a language of their own. */
  acceptLanguage: string | undefined;
  /** The app's shared rate limiters (sign-in lockout). */
  rateLimiters: RateLimiters;
  /** What time it is for the rules (expiries); the system clock outside tests. */
  clock: Clock;
  /** Sessions a service started or ended; the door turns them into cookies. */
  sessionChanges: SessionChange[];
};

export type AuthenticatedServiceContext = ServiceContext & { viewer: User };

export type ServiceDeps = { db: Db; config: Config; rateLimiters: RateLimiters; clock: Clock };

/** Built once per request by a door, after it resolved the actor. */
export function serviceContext(
  deps: ServiceDeps,
  actor: Actor,
  request: {
    ip: string | undefined;
    userAgent: string | undefined;
    device?: string | undefined;
    acceptLanguage?: string | undefined;
  },
): ServiceContext {
  return {
    ...deps,
    actor,
    viewer: personOf(actor),
    sessionId: actor.kind === "session" ? actor.sessionId : undefined,
    access: new Access(deps.db, actor),
    ip: request.ip,
    userAgent: request.userAgent,
    device: request.device,
    acceptLanguage: request.acceptLanguage,
    // A remembered session that slid on gets its cookie again; changes a service makes come after it.
    sessionChanges: actor.kind === "session" && actor.renewal ? [actor.renewal] : [],
  };
}
