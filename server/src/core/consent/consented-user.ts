import type { Db } from "../../db/client.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import { readConsentFacts } from "../../db/hot/users.js";
import type { User } from "../../generated/prisma/client.js";
import { clientMayRead } from "./release.js";

/** The person behind sub with the scopes they granted, if the client may read them; null otherwise. */
export async function consentedUser(
  db: Db,
  clientId: string,
  sub: string,
): Promise<{ user: User; scopes: Set<string> } | null> {
  const facts = await readConsentFacts(hotSqlOf(db), clientId, sub);
  const scopes = facts ? clientMayRead(facts) : null;
  return facts && scopes ? { user: facts.user, scopes } : null;
}
