import type { Db } from "../../db/client.js";
import { readAcceptedScopeIds, readEnabledScopes } from "../../db/hot/login-approval.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import type { Scope } from "../../generated/prisma/client.js";

/**
 * The client's enabled scopes this user may grant: BASIC ones always; VERIFIED ones when the
 * client is verified or the user accepted an access request for that scope.
 */
export async function grantableScopes(db: Db, clientId: string, userId: string | undefined): Promise<Scope[]> {
  const sql = hotSqlOf(db);
  const client = await readEnabledScopes(sql, clientId);
  if (!client) throw new Error(`No client ${clientId} to grant scopes of`);
  if (client.verified) return sortScopes(client.scopes);
  const acceptedIds = userId ? await readAcceptedScopeIds(sql, clientId, userId) : new Set<string>();
  return sortScopes(client.scopes.filter((scope) => scope.tier === "BASIC" || acceptedIds.has(scope.id)));
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
