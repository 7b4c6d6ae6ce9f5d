import type { DomainWithCallbacks } from "../db/hot/client-auth.js";
import type { Client, User } from "../generated/prisma/client.js";
import type { SessionChange } from "./auth/session.js";

/**
 * Who a service acts for. Every door resolves one before it calls the core: a person by session
 * cookie or personal API token, a client by its credentials, or the system itself (CLI,
 * maintenance). Staff are people whose platform role says so (isStaff).
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "session"; user: User; sessionId: string; renewal?: SessionChange | undefined }
  | { kind: "apiToken"; user: User; tokenId: string }
  | { kind: "client"; clientId: string; domainId: string; client: Client; domain: DomainWithCallbacks }
  | { kind: "system"; name: string };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/** The person behind the actor (session or API token); null for anonymous, client and system actors. */
export function personOf(actor: Actor): User | null {
  return actor.kind === "session" || actor.kind === "apiToken" ? actor.user : null;
}

export function isStaff(actor: Actor): boolean {
  const person = personOf(actor);
  return person?.platformRole === "STAFF" || person?.platformRole === "ADMIN";
}
