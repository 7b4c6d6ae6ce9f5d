import Provider, { type Configuration, errors, interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";
import type { Config } from "../config.js";
import { sessionCookieName } from "../core/auth/session.js";
import { coveredScopes, liveConsent, OIDC_SCOPES, releasedClaims, SCOPE_CLAIMS } from "../core/oidc/claims.js";
import { authenticateOidcClient, type OidcSecretUse } from "../core/oidc/oidc-client.js";
import { oidcSessionStands } from "../core/oidc/oidc-session.js";
import { pairwiseSubject } from "../core/oidc/pairwise.js";
import { redirectUriMatches } from "../core/oidc/redirect-match.js";
import { resourceServerInfo } from "../core/oidc/resource-server.js";
import type { SigningKeySet } from "../core/oidc/signing-keys.js";
import type { Db } from "../db/client.js";
import { oidcAdapterFactory } from "./adapter.js";
import { logoutSource, postLogoutSuccessSource, renderError } from "./pages.js";
import { clientRowsForRequest } from "./request-client.js";
import { OIDC_ROUTES } from "./routes.js";
import { mayIntrospect } from "./token-policy.js";

const DAY = 86_400;

/** Which of a client's domains the presented secret must be linked to, by what the request does. */
function secretUse(ctx: KoaContextWithOIDC): OidcSecretUse {
  const params = (ctx.oidc.params ?? {}) as Record<string, unknown>;
  const redirectUri = typeof params.redirect_uri === "string" ? params.redirect_uri : undefined;
  if (ctx.oidc.route === "pushed_authorization_request" && redirectUri) return { redirectUri };
  if (ctx.oidc.route !== "token") return "any";
  switch (params.grant_type) {
    case "authorization_code":
      return redirectUri ? { redirectUri } : "login";
    case "client_credentials":
      return "api";
    case "refresh_token":
      return "login";
    default:
      return "any";
  }
}

/**
 * The engine's prompts, plus one: an app's silent sign-in stands only on the Gatehouse session it was made
 * in, so once that ends (sign-out, revocation, deletion) the next /authorize asks the person to sign in.
 */
function interactionPolicyOver(db: Db, config: Config) {
  const { base, Check } = interactionPolicy;
  const policy = base();
  policy.get("login")?.checks.add(
    new Check(
      "gatehouse_session_ended",
      "The Gatehouse session behind this sign-in has ended",
      "login_required",
      async (ctx) => {
        const { session, result } = ctx.oidc;
        // Nothing to compare before a sign-in, and a sign-in just finished in this interaction stands.
        if (!session?.accountId || result?.login) return Check.NO_NEED_TO_PROMPT;
        const token = ctx.cookies.get(sessionCookieName(config), { signed: false });
        const stands = await oidcSessionStands(db, token, { accountId: session.accountId, loginTs: session.loginTs });
        return stands ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
      },
    ),
  );
  return policy;
}

/** oidc-provider configured over Gatehouse: its clients, storage, consent, claims and signing keys. */
export function createProvider(db: Db, config: Config, keys: SigningKeySet, cookieSecret: string): Provider {
  const configuration: Configuration = {
    adapter: oidcAdapterFactory(db),
    jwks: { keys: keys.keys as NonNullable<Configuration["jwks"]>["keys"] },
    cookies: { keys: [cookieSecret] },
    scopes: OIDC_SCOPES,
    claims: { ...SCOPE_CLAIMS, useraddresses: ["address"], providers: [] },
    routes: OIDC_ROUTES,
    interactions: {
      url: (_ctx, interaction) => `/oauth/interaction/${interaction.uid}`,
      policy: interactionPolicyOver(db, config),
    },
    renderError,
    // oidc-provider refuses outgoing requests (back-channel logout tokens) to loopback and private addresses;
    // WEBHOOK_ALLOW_PRIVATE, for local development only, lets them through as it does for webhooks.
    ...(config.webhookAllowPrivate
      ? {
          fetch: (input: URL | string | Request, init?: RequestInit) =>
            fetch(input, { ...init, dispatcher: undefined } as RequestInit),
        }
      : {}),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => mayIntrospect(client, token) },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
      // DPoP proofs are accepted (and then bind the tokens); a nonce is not demanded.
      dPoP: { enabled: true },
      // PAR is offered to every client; a client may still send its parameters on the authorize URL.
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      // A resource indicator naming one of the client's own APIs gets a JWT access token (RFC 9068) for it.
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => undefined,
        useGrantedResource: async () => false,
        getResourceServerInfo: async (_ctx, resourceIndicator, client) => {
          const info = await resourceServerInfo(db, client.clientId, resourceIndicator);
          if (!info) throw new errors.InvalidTarget();
          return info;
        },
      },
    },
    enabledJWA: {
      requestObjectSigningAlgValues: ["RS256", "PS256", "ES256", "EdDSA"],
      idTokenSigningAlgValues: ["RS256"],
      userinfoSigningAlgValues: ["RS256"],
      introspectionSigningAlgValues: ["RS256"],
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 3600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 30 * DAY,
      Grant: 30 * DAY,
      Session: 14 * DAY,
    },
    subjectTypes: ["public", "pairwise"],
    pairwiseIdentifier: async (_ctx, accountId, client) => pairwiseSubject(db, client.clientId, accountId),
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // PKCE S256 is required of public clients and accepted from confidential ones.
    pkce: { required: (_ctx, client) => client.clientAuthMethod === "none" },
    findAccount: async (ctx, sub) => {
      const clientId = ctx.oidc.client?.clientId;
      return {
        accountId: sub,
        claims: async () => ({ sub, ...(clientId ? await releasedClaims(db, clientId, sub) : {}) }),
      };
    },
    // The grant stands on the Gatehouse consent both doors share: revoked there, it is asked again here.
    loadExistingGrant: async (ctx) => {
      const clientId = ctx.oidc.client?.clientId;
      const sub = ctx.oidc.session?.accountId;
      if (!clientId || !sub) return undefined;
      const consented = await liveConsent(db, clientId, sub);
      if (!consented) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing && existing.accountId === sub) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: sub });
      const requested = String(ctx.oidc.params?.scope ?? "openid").split(" ");
      const covered = coveredScopes(requested, consented);
      grant.addOIDCScope(covered.join(" "));
      const refused = requested.filter((scope) => !covered.includes(scope));
      if (refused.length) grant.rejectOIDCScope(refused.join(" "));
      await grant.save();
      return grant;
    },
  };

  const provider = new Provider(config.publicUrl, configuration);
  provider.proxy = config.trustProxy > 0;

  // Secrets are Gatehouse secrets: digests of the live ones, with the XWMS door's domain rules.
  provider.Client.prototype.compareClientSecret = async function compareClientSecret(actual: string) {
    const ctx = Provider.ctx;
    if (!ctx) return false;
    try {
      const rows = await clientRowsForRequest(db, this.clientId);
      await authenticateOidcClient(db, this.clientId, actual, secretUse(ctx), ctx.ip, rows);
      return true;
    } catch {
      return false;
    }
  };
  // Exact match, plus any port on loopback hosts (RFC 8252 §7.3), for web and native clients alike.
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value: string) {
    return (this.redirectUris ?? []).some((registered: string) => redirectUriMatches(registered, value));
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(value: string) {
    return (this.postLogoutRedirectUris ?? []).some((registered: string) => redirectUriMatches(registered, value));
  };
  return provider;
}
