import type { Domain } from "../generated/prisma/client.js";
import { DOMAIN_COLUMNS, domain } from "./hot/client-auth.js";
import type { HotSql } from "./hot/sql.js";
import { toBool, toStr, toStrOrNull } from "./hot/sql.js";

export type DomainWithCallbacks = Domain & { callbacks: string[] };
export type OidcClientRows = {
  id: string;
  name: string;
  subjectType: string;
  oidcPublic: boolean;
  backchannelLogoutUri: string | null;
  domains: DomainWithCallbacks[];
};

/** A client with every domain and each domain's active callback URLs, in one statement. */
const CLIENT_WITH_CALLBACKS = `SELECT c."id", c."name", c."subjectType", c."oidcPublic", c."backchannelLogoutUri", ${DOMAIN_COLUMNS}, u."url" AS "callback"
FROM "Client" c LEFT JOIN "Domain" d ON d."clientId" = c."id"
LEFT JOIN "DomainUrl" u ON u."domainId" = d."id" AND u."kind" = 'CALLBACK' AND u."active" = ?
WHERE c."id" = ?`;

/** Facts only: which domains and callbacks the client has; core/oidc decides what they allow. */
export async function readOidcClient(sql: HotSql, clientId: string): Promise<OidcClientRows | undefined> {
  const rows = await sql.all(CLIENT_WITH_CALLBACKS, [true, clientId]);
  const [first] = rows;
  if (!first) return undefined;
  const domains = new Map<string, DomainWithCallbacks>();
  for (const row of rows) {
    const id = toStrOrNull(row.d_id);
    if (!id) continue;
    let entry = domains.get(id);
    if (!entry) {
      entry = { ...domain(row), callbacks: [] };
      domains.set(id, entry);
    }
    const callback = toStrOrNull(row.callback);
    if (callback) entry.callbacks.push(callback);
  }
  return {
    id: toStr(first.id),
    name: toStr(first.name),
    subjectType: toStr(first.subjectType),
    oidcPublic: toBool(first.oidcPublic),
    backchannelLogoutUri: toStrOrNull(first.backchannelLogoutUri),
    domains: [...domains.values()],
  };
}
