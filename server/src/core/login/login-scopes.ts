import type { Db } from "../../db/client.js";
import { readGrantFacts } from "../../db/hot/login-approval.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import type { Scope } from "../../generated/prisma/client.js";

/**
 * The client's enabled scopes this user may grant through this domain: BASIC ones always; VERIFIED
 * ones when staff approved that scope for that domain (a client verified without any request, as
 * the demo is, keeps every enabled scope), or when the user accepted an access request for it.
 */
export async function grantableScopes(
  db: Db,
  clientId: string,
  userId: string | undefined,
  domainId: string,
): Promise<Scope[]> {
  const facts = await readGrantFacts(hotSqlOf(db), { clientId, userId: userId ?? null, domainId });
  if (!facts) throw new Error(`No client ${clientId} to grant scopes of`);
  const { acceptedIds } = facts;
  // A scope the person accepted through an access request stays theirs even when the client may not enable
  // it (a VERIFIED scope asked per request before verification), unless the client switched it off itself.
  const enabledIds = new Set(facts.scopes.map((scope) => scope.id));
  const acceptedOnly = [...acceptedIds].filter((id) => !enabledIds.has(id));
  const accepted =
    acceptedOnly.length > 0
      ? await db.scope.findMany({
          where: { id: { in: acceptedOnly }, clientScopes: { none: { clientId, enabled: false } } },
        })
      : [];
  const verifiedIds = facts.verified ? facts.verifiedIds : new Set<string>();
  if (verifiedIds === null) return sortScopes([...facts.scopes, ...accepted]);
  const grantable = (scope: Scope) => scope.tier === "BASIC" || verifiedIds.has(scope.id) || acceptedIds.has(scope.id);
  return sortScopes([...facts.scopes.filter(grantable), ...accepted]);
}

function sortScopes(scopes: Scope[]): Scope[] {
  return [...scopes].sort((a, b) => a.key.localeCompare(b.key));
}

/** Scope keys of the user's live consent for the client, or null when no live consent exists. */
export async function consentedScopeKeys(db: Db, clientId: string, userId: string): Promise<Set<string> | null> {
  const consent = await db.consent.findUnique({
    where: { userId_clientId: { userId, clientId } },
    select: { revokedAt: true, scopes: { select: { scope: { select: { key: true } } } } },
  });
  if (!consent || consent.revokedAt) return null;
  return new Set(consent.scopes.map((entry) => entry.scope.key));
}

/**
 * Whether the person must click to approve: always without a live consent (even when the client
 * asks for no scopes, and after a revocation), or when a scope is asked that they did not grant.
 */
export function consentRequired(scopes: readonly Scope[], consented: ReadonlySet<string> | null): boolean {
  if (!consented) return true;
  return scopes.some((scope) => !consented.has(scope.key));
}
