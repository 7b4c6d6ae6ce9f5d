import type { Db } from "../../db/client.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import { type DomainWithCallbacks, type OidcClientRows, readOidcClient } from "../../db/oidc-client-rows.js";
import type { Domain } from "../../generated/prisma/client.js";
import { assertDomainUsable, type ClientPurpose, liveSecret, touchIfStale } from "../auth/client-credentials.js";
import { randomToken } from "../auth/crypto.js";
import { ClientForbiddenError, ClientUnauthenticatedError } from "../errors.js";
import { backchannelUriAllowed } from "./client-urls.js";
import { redirectUriMatches } from "./redirect-match.js";

/**
 * oidc-provider wants a client_secret in the metadata of a secret-using client; the real check compares
 * digests of the client's live secrets (see authenticateOidcClient), so this value opens nothing. It is
 * random per process so that nothing derived from it (an HMAC key) is predictable.
 */
const SECRET_PLACEHOLDER = randomToken(32);

const loginDomains = (domains: DomainWithCallbacks[]) => domains.filter((domain) => domain.active && domain.allowLogin);

/**
 * A Gatehouse client as OpenID Connect client metadata: the redirect URIs are the active callback URLs of
 * its active, login-allowed domains; client_credentials is open when an active domain allows API calls.
 */
export async function loadOidcClientMetadata(db: Db, clientId: string, known?: OidcClientRows) {
  const client = known ?? (await readOidcClient(hotSqlOf(db), clientId));
  if (!client) return undefined;
  const redirectUris = [...new Set(loginDomains(client.domains).flatMap((domain) => domain.callbacks))]
    .filter((url) => URL.canParse(url))
    .sort();
  const login = redirectUris.length > 0;
  const api = client.domains.some((domain) => domain.active && domain.allowApi);
  const backchannel =
    client.backchannelLogoutUri && backchannelUriAllowed(client.backchannelLogoutUri, client.domains)
      ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: true }
      : {};
  // A public client (SPA, native app) holds no secret: it logs people in with PKCE S256 and nothing else.
  const authentication = client.oidcPublic
    ? { token_endpoint_auth_method: "none" }
    : { client_secret: SECRET_PLACEHOLDER, token_endpoint_auth_method: "client_secret_basic" };
  return {
    client_id: client.id,
    client_name: client.name,
    ...authentication,
    // Pairwise subjects need a login client; the sector is its primary root domain (core/oidc/pairwise.ts).
    subject_type: login && client.subjectType === "PAIRWISE" ? "pairwise" : "public",
    redirect_uris: redirectUris,
    post_logout_redirect_uris: redirectUris,
    response_types: login ? ["code"] : [],
    grant_types: [
      ...(login ? ["authorization_code", "refresh_token"] : []),
      ...(api && !client.oidcPublic ? ["client_credentials"] : []),
    ],
    ...backchannel,
  };
}

/** The client's active, login-allowed domain with an active callback URL matching redirectUri. */
export async function domainOfRedirect(db: Db, clientId: string, redirectUri: string): Promise<Domain | undefined> {
  const client = await readOidcClient(hotSqlOf(db), clientId);
  return redirectDomain(client?.domains ?? [], redirectUri);
}

const redirectDomain = (domains: DomainWithCallbacks[], redirectUri: string) =>
  loginDomains(domains).find((domain) => domain.callbacks.some((url) => redirectUriMatches(url, redirectUri)));

/** What the client authenticates for: a login returning to redirectUri, API calls, or any use of a live secret. */
export type OidcSecretUse = { redirectUri: string } | "api" | "login" | "any";

/**
 * The OpenID Connect door's client authentication: the XWMS door's secret rules (live, not expired, not
 * revoked) and domain rules (active, linked, login or API allowed, IP allowlist), with the domain taken
 * from the redirect_uri (authorization code) or from the secret's links (the other grants). `known` is the
 * client's rows as this same request already read them (its metadata lookup); they are current as of that
 * read's version check, so a secret revoked or expired before this request is refused.
 */
export async function authenticateOidcClient(
  db: Db,
  clientId: string,
  presented: string,
  use: OidcSecretUse,
  callerIp: string | undefined,
  known?: OidcClientRows,
): Promise<void> {
  const sql = hotSqlOf(db);
  const found = known ?? (await readOidcClient(sql, clientId));
  if (!found) throw new ClientUnauthenticatedError("Invalid client credentials");
  const secret = liveSecret(found.secrets, presented);

  if (typeof use === "object") {
    const domain = redirectDomain(found.domains, use.redirectUri);
    if (!domain) throw new ClientForbiddenError("The redirect_uri is not an active callback URL of this client");
    assertDomainUsable(domain, secret.linkedDomainIds, "login", callerIp);
  } else {
    const purpose: ClientPurpose | undefined = use === "any" ? undefined : use;
    const usable = found.domains.some((domain) => {
      try {
        if (purpose) assertDomainUsable(domain, secret.linkedDomainIds, purpose, callerIp);
        else assertDomainUsable(domain, secret.linkedDomainIds, "login", callerIp);
        return true;
      } catch {
        if (purpose) return false;
        // "any": an API-only domain the secret is linked to serves introspection and revocation as well.
        try {
          assertDomainUsable(domain, secret.linkedDomainIds, "api", callerIp);
          return true;
        } catch {
          return false;
        }
      }
    });
    if (!usable) {
      throw new ClientForbiddenError(
        use === "api"
          ? "This client secret is not linked to an active domain that allows API calls"
          : "This client secret is not linked to an active domain of this client",
      );
    }
  }
  await touchIfStale(sql, secret);
}
