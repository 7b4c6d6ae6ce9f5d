import type { Db } from "../db.js";
import type { Scope } from "../generated/prisma/client.js";

/**
 * The client's enabled scopes this user may grant: BASIC ones always; VERIFIED ones when the
 * client is verified or the user accepted an access request for that scope.
 */
export async function grantableScopes(db: Db, clientId: string, userId: string | undefined): Promise<Scope[]> {
  const client = await db.client.findUniqueOrThrow({
    where: { id: clientId },
    select: { verification: true, scopes: { where: { enabled: true }, select: { scope: true } } },
  });
  const enabled = client.scopes.map((entry) => entry.scope);
  if (client.verification === "VERIFIED") return sortScopes(enabled);
  const accepted = userId
    ? await db.accessRequestScope.findMany({
        where: { accessRequest: { clientId, userId, status: "ACCEPTED" } },
        select: { scopeId: true },
      })
    : [];
  const acceptedIds = new Set(accepted.map((entry) => entry.scopeId));
  return sortScopes(enabled.filter((scope) => scope.tier === "BASIC" || acceptedIds.has(scope.id)));
}

function sortScopes(scopes: Scope[]): Scope[] {
  return [...scopes].sort((a, b) => a.key.localeCompare(b.key));
}

/** Scope keys of the user's live consent for the client. */
export async function consentedScopeKeys(db: Db, clientId: string, userId: string): Promise<Set<string>> {
  const consent = await db.consent.findUnique({
    where: { userId_clientId: { userId, clientId } },
    select: { revokedAt: true, scopes: { select: { scope: { select: { key: true } } } } },
  });
  if (!consent || consent.revokedAt) return new Set();
  return new Set(consent.scopes.map((entry) => entry.scope.key));
}
