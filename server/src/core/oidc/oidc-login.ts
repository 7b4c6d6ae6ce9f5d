import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { redeemLoginToken } from "../../db/hot/login-redeem.js";
import { insertLoginToken } from "../../db/hot/login-token.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import { randomToken, sha256 } from "../auth/crypto.js";
import { LoginTokenError, RedirectNotAllowedError } from "../errors.js";
import { domainOfRedirect } from "./oidc-client.js";

/**
 * An OpenID Connect authorization as a Gatehouse login: a single-use login token for the client and the
 * domain the redirect_uri lies on, which the hosted sign-in and consent pages take the person through
 * (recording the consent both doors share), then hand back to `returnUrl`.
 */
export async function startOidcLogin({
  db,
  config,
  clientId,
  redirectUri,
  returnUrl,
}: {
  db: Db;
  config: Config;
  clientId: string;
  redirectUri: string;
  returnUrl: string;
}): Promise<string> {
  const domain = await domainOfRedirect(db, clientId, redirectUri);
  if (!domain) throw new RedirectNotAllowedError();
  const token = randomToken(32);
  await insertLoginToken(hotSqlOf(db), {
    tokenHash: sha256(token),
    clientId,
    domainId: domain.id,
    redirectUrl: returnUrl,
    appRedirectUrl: redirectUri,
    email: null,
    expiresAt: new Date(Date.now() + config.loginTokenTtlSeconds * 1000),
  });
  const url = new URL("/authorize", config.publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * The hosted pages' answer for one OpenID Connect interaction: consumes the approved login token exactly
 * once, only for the interaction it was started for, and records the person as a user of the client.
 */
export async function finishOidcLogin({
  db,
  token,
  clientId,
  redirectUri,
  returnUrl,
}: {
  db: Db;
  token: string;
  clientId: string;
  redirectUri: string;
  returnUrl: string;
}): Promise<{ sub: string; scopes: Set<string> }> {
  const tokenHash = sha256(token);
  const login = await db.loginToken.findUnique({ where: { tokenHash } });
  // A token of another interaction, client or domain is reported exactly like an unknown one.
  if (!login || login.clientId !== clientId || login.redirectUrl !== returnUrl) throw new LoginTokenError("UNKNOWN");
  const domain = await domainOfRedirect(db, clientId, redirectUri);
  if (!domain || domain.id !== login.domainId) throw new LoginTokenError("UNKNOWN");
  if (login.deniedAt) throw new LoginTokenError("DECLINED");

  const sql = hotSqlOf(db);
  const now = new Date();
  const won = await redeemLoginToken(sql, { tokenHash, clientId, domainId: domain.id }, now);
  if (!won) {
    if (login.consumedAt) throw new LoginTokenError("ALREADY_USED");
    if (login.expiresAt.getTime() <= now.getTime()) throw new LoginTokenError("EXPIRED");
    throw new LoginTokenError("PENDING");
  }
  const { user } = won;
  if (!user) throw new Error("An approved login token names no existing user");
  return { sub: user.sub, scopes: new Set((won.scopes ?? "").split(" ").filter(Boolean)) };
}
