import type { DomainWithCallbacks, SecretWithLinks } from "./hot/client-auth.js";
import { clientAuthFacts } from "./hot/client-auth-cache.js";
import type { HotSql } from "./hot/sql.js";

export type { DomainWithCallbacks } from "./hot/client-auth.js";
export type OidcClientRows = {
  id: string;
  name: string;
  subjectType: string;
  oidcPublic: boolean;
  backchannelLogoutUri: string | null;
  domains: DomainWithCallbacks[];
  /** As current as the domains: read with them, at this call's version check. */
  secrets: SecretWithLinks[];
};

/** Facts only: which domains, callbacks and secrets the client has; core/oidc decides what they allow. */
export async function readOidcClient(sql: HotSql, clientId: string): Promise<OidcClientRows | undefined> {
  const facts = await clientAuthFacts(sql, clientId);
  if (!facts) return undefined;
  const { client, domains, secrets } = facts;
  const { id, name, subjectType, oidcPublic, backchannelLogoutUri } = client;
  return { id, name, subjectType, oidcPublic, backchannelLogoutUri, domains, secrets };
}
