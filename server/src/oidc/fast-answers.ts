import type { IncomingMessage } from "node:http";
import type Provider from "oidc-provider";
import { OIDC_SCOPES } from "../core/oidc/claims.js";
import type { Db } from "../db/client.js";
import { authenticatedClient, type Form, plainForm, secretCredentials } from "./fast-request.js";
import { mayIntrospect } from "./token-policy.js";

/** What the fast path answers with 200, or undefined to leave the request to oidc-provider. */
export type FastAnswer = Record<string, unknown> | undefined;

const TOKEN_PARAMETERS = new Set(["grant_type", "scope", "client_id", "client_secret"]);
const INTROSPECTION_PARAMETERS = new Set(["token", "token_type_hint", "client_id", "client_secret"]);
/** oidc-provider's scope syntax (lib/helpers/is_valid_scope.js). */
const SCOPE_SYNTAX = /^[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*$/u;
const STATIC_SCOPES = new Set(OIDC_SCOPES);

/**
 * client_credentials as oidc-provider's grant handler issues it (lib/actions/grants/client_credentials.js)
 * for a request without resource indicators, DPoP or mTLS: its own ClientCredentials token, saved through
 * the adapter, with the same scope rule and response members.
 */
export async function issueClientCredentials(
  db: Db,
  provider: Provider,
  incoming: IncomingMessage,
  form: Form,
): Promise<FastAnswer> {
  if (!plainForm(form, TOKEN_PARAMETERS) || form.grant_type !== "client_credentials") return;
  if (form.scope !== undefined && !SCOPE_SYNTAX.test(form.scope)) return;
  const credentials = secretCredentials(incoming, form);
  if (!credentials) return;
  const client = await authenticatedClient(db, provider, incoming, credentials, "api");
  if (!client?.grantTypeAllowed("client_credentials")) return;
  if (client.dpopBoundAccessTokens || client.tlsClientCertificateBoundAccessTokens) return;
  const scopes = new Set(form.scope?.split(" "));
  // oidc-provider leaves scopes it does not know out of the token; those requests are its own.
  for (const scope of scopes) if (!STATIC_SCOPES.has(scope)) return;
  const registered: string | undefined = client.scope;
  if (registered) {
    const allowList = new Set(registered.split(" "));
    for (const scope of scopes) if (!allowList.has(scope)) return;
  }
  const token = new provider.ClientCredentials({ client, scope: [...scopes].join(" ") || undefined });
  const value = await token.save();
  return {
    access_token: value,
    expires_in: token.expiration,
    scope: token.scope || undefined,
    token_type: token.tokenType,
  };
}

/**
 * Introspection as oidc-provider answers it (lib/actions/introspection.js) when the token is unknown,
 * expired or revoked ({"active": false}) or a plain client_credentials token; tokens of a person (access and
 * refresh tokens, with their grant and subject rules) and structured tokens are left to oidc-provider.
 */
export async function introspect(
  db: Db,
  provider: Provider,
  incoming: IncomingMessage,
  form: Form,
): Promise<FastAnswer> {
  if (!plainForm(form, INTROSPECTION_PARAMETERS) || form.token === undefined || form.token.includes(".")) return;
  const credentials = secretCredentials(incoming, form);
  if (!credentials) return;
  const client = await authenticatedClient(db, provider, incoming, credentials, "any");
  if (!client) return;
  const found = await Promise.all([
    provider.AccessToken.find(form.token),
    provider.ClientCredentials.find(form.token),
    provider.RefreshToken.find(form.token),
  ]);
  const [accessToken, clientCredentials, refreshToken] = found;
  if (accessToken || refreshToken) return;
  if (!clientCredentials?.isValid) return { active: false };
  const token = clientCredentials;
  if (!mayIntrospect(client, token)) return { active: false };
  // A ClientCredentials token has no grant or person; extras, audiences and bindings change the answer.
  if (token.extra || token.aud || token.rar || token.isSenderConstrained()) return;
  return {
    active: true,
    client_id: token.clientId,
    exp: token.exp,
    iat: token.iat,
    iss: provider.issuer,
    scope: token.scope || undefined,
    token_type: token.tokenType,
  };
}
