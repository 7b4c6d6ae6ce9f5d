import type { Db } from "../../db/client.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import { readOidcClient } from "../../db/oidc-client-rows.js";
import { resourceServerAllowed } from "./client-urls.js";

/** The one scope a client's own API knows: calling it on the client's behalf (or a person's, with a login). */
export const RESOURCE_SERVER_SCOPE = "api";
const ACCESS_TOKEN_TTL_SECONDS = 3600;

/**
 * oidc-provider's description of the resource server a client names with `resource` (RFC 8707): one of
 * the client's own active, API-allowed domains. Its access tokens are JWTs (RFC 9068, typ at+jwt) signed
 * with the published keys and carrying the indicator as `aud`, so the API verifies them against JWKS
 * without calling back. Undefined for anything else (oidc-provider answers invalid_target).
 */
export async function resourceServerInfo(db: Db, clientId: string, resourceIndicator: string) {
  const client = await readOidcClient(hotSqlOf(db), clientId);
  if (!client || !resourceServerAllowed(resourceIndicator, client.domains)) return undefined;
  return {
    scope: RESOURCE_SERVER_SCOPE,
    audience: resourceIndicator,
    accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
    accessTokenFormat: "jwt" as const,
    jwt: { sign: { alg: "RS256" as const } },
  };
}
