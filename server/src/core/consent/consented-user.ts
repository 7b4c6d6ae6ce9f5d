import type { Db } from "../../db/client.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import { type ConsentedPerson, readConsentFacts } from "../../db/hot/users.js";
import { clientMayRead } from "./release.js";

/**
 * The person behind sub with the scopes they granted and their country's ISO-2 code, if the client may read
 * them; null otherwise. One statement: every partner read of a person starts here.
 */
export async function consentedUser(
  db: Db,
  clientId: string,
  sub: string,
): Promise<{ user: ConsentedPerson; country: string | null; scopes: Set<string> } | null> {
  const facts = await readConsentFacts(hotSqlOf(db), clientId, sub);
  const scopes = facts ? clientMayRead(facts) : null;
  return facts && scopes ? { user: facts.user, country: facts.country, scopes } : null;
}
