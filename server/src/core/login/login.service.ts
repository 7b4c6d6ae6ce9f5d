import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { approveLoginToken } from "../../db/hot/login-approval.js";
import { redeemLoginToken } from "../../db/hot/login-redeem.js";
import { insertLoginToken, loginTokenState, readLoginForBrowser } from "../../db/hot/login-token.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import type { User } from "../../generated/prisma/client.js";
import type { AuthenticatedClient } from "../auth/client-credentials.js";
import { randomToken, sha256 } from "../auth/crypto.js";
import { openToEveryone } from "../domain/ownership.service.js";
import { LoginFlowError, LoginTokenError, RedirectNotAllowedError } from "../errors.js";
import { consentedScopeKeys, consentRequired, grantableScopes } from "./login-scopes.js";
import { failureRedirect, redirectAllowed, withToken } from "./redirect-url.js";

/** sign-token: a single-use token bound to client, domain and redirect URL. Only its hash is stored. */
export async function startLogin({
  db,
  config,
  auth,
  redirectUrl,
  email,
}: {
  db: Db;
  config: Config;
  /** The client and domain the login is for; /oauth/login starts one without a secret. */
  auth: Pick<AuthenticatedClient, "client" | "domain">;
  redirectUrl: string;
  email?: string | undefined;
}) {
  const sql = hotSqlOf(db);
  const callbacks = auth.domain.callbacks.map((url) => ({ kind: "CALLBACK" as const, url, active: true }));
  if (!redirectAllowed(auth.domain, callbacks, redirectUrl)) {
    throw new RedirectNotAllowedError();
  }
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + config.loginTokenTtlSeconds * 1000);
  await insertLoginToken(sql, {
    tokenHash: sha256(token),
    clientId: auth.client.id,
    domainId: auth.domain.id,
    redirectUrl,
    email: email ?? null,
    expiresAt,
  });
  const url = new URL("/authorize", config.publicUrl);
  url.searchParams.set("token", token);
  return { token, expiresAt, url: url.toString() };
}

/** Loads a login token that the browser may still act on, or throws the reason it may not. */
async function usableLoginToken(db: Db, token: string) {
  const login = await readLoginForBrowser(hotSqlOf(db), sha256(token));
  if (!login) throw new LoginFlowError("NOT_FOUND");
  const fail = (code: ConstructorParameters<typeof LoginFlowError>[0]): never => {
    const error = new LoginFlowError(code);
    throw new LoginFlowError(code, failureRedirect(login.domain, login.redirectUrl, error.message));
  };
  if (login.consumedAt || login.approvedAt || login.deniedAt) fail("ALREADY_USED");
  if (login.expiresAt.getTime() <= Date.now()) fail("EXPIRED");
  if (!login.domain.active) fail("DOMAIN_INACTIVE");
  if (!login.domain.allowLogin) fail("LOGIN_NOT_ALLOWED");
  return { login, fail };
}

/** Whether host is the root domain or one of its subdomains. */
const hostUnder = (host: string, root: string) => host === root || host.endsWith(`.${root}`);

/**
 * Who the consent screen says is asking: the client's logo and verification, and a truthful domain:
 * the primary domain when the login returns there, otherwise the host it really returns to (for
 * OpenID Connect, the app's redirect_uri rather than Gatehouse's own interaction address).
 */
async function whoIsAsking(db: Db, loginId: string) {
  const login = await db.loginToken.findUniqueOrThrow({
    where: { id: loginId },
    select: {
      redirectUrl: true,
      appRedirectUrl: true,
      domain: { select: { rootDomain: true } },
      client: {
        select: {
          logoId: true,
          verification: true,
          domains: { where: { primary: true }, select: { rootDomain: true }, take: 1 },
        },
      },
    },
  });
  const returnsTo = new URL(login.appRedirectUrl ?? login.redirectUrl);
  const primaryDomain = login.client.domains[0]?.rootDomain ?? login.domain.rootDomain;
  return {
    domain: hostUnder(returnsTo.hostname, primaryDomain) ? primaryDomain : returnsTo.hostname,
    primaryDomain,
    redirectHost: returnsTo.host,
    clientLogoId: login.client.logoId,
    clientVerified: login.client.verification === "VERIFIED",
  };
}

/** What the hosted login page shows for a token. */
export async function describeLoginRequest({
  db,
  token,
  userId,
}: {
  db: Db;
  token: string;
  userId?: string | undefined;
}) {
  const { login } = await usableLoginToken(db, token);
  const scopes = await grantableScopes(db, login.clientId, userId, login.domain.id);
  const consented = userId ? await consentedScopeKeys(db, login.clientId, userId) : null;
  const shown = await whoIsAsking(db, login.id);
  return {
    clientName: login.client.name,
    ...shown,
    scopes,
    consentRequired: consentRequired(scopes, consented),
    email: login.email,
    expiresAt: login.expiresAt,
  };
}

async function mayUseTestDomain(db: Db, clientId: string, user: User): Promise<boolean> {
  const [client, member, testUser] = await Promise.all([
    db.client.findFirst({ where: { id: clientId, ownerId: user.id }, select: { id: true } }),
    db.member.findUnique({ where: { clientId_userId: { clientId, userId: user.id } }, select: { id: true } }),
    db.accessRequest.findFirst({
      where: { clientId, userId: user.id, kind: "TEST_USER", status: "ACCEPTED" },
      select: { id: true },
    }),
  ]);
  return Boolean(client || member || testUser);
}

/**
 * The signed-in user approves (or declines) the login. Approval records the consent and returns
 * the partner URL with the token; the token can then be verified exactly once.
 */
export async function completeLogin({
  db,
  token,
  user,
  approve,
  audit,
}: {
  db: Db;
  token: string;
  user: User;
  approve: boolean;
  audit: { ip?: string | undefined; userAgent?: string | undefined };
}): Promise<string> {
  const { login, fail } = await usableLoginToken(db, token);
  const open = { id: login.id, approvedAt: null, deniedAt: null, consumedAt: null, expiresAt: { gt: new Date() } };

  if (!approve) {
    await db.loginToken.updateMany({ where: open, data: { deniedAt: new Date(), userId: user.id } });
    return fail("DECLINED");
  }
  // A domain in test mode, or one whose ownership is not proven yet, admits only the client's team and test users.
  if (!openToEveryone(login.domain) && !(await mayUseTestDomain(db, login.clientId, user))) fail("TEST_MODE_DENIED");

  const scopes = await grantableScopes(db, login.clientId, user.id, login.domain.id);
  const claimed = await approveLoginToken(hotSqlOf(db), {
    loginId: login.id,
    clientId: login.clientId,
    userId: user.id,
    scopes,
    details: { scopes: scopes.map((scope) => scope.key), domain: login.domain.rootDomain },
    ip: audit.ip ?? null,
    userAgent: audit.userAgent ?? null,
  });
  if (!claimed) fail("ALREADY_USED");
  return withToken(login.redirectUrl, token);
}

export type VerifiedLogin = {
  sub: string;
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  email_verified: boolean | null;
  picture: string | null;
};

/** sign-token-verify: consumes the token exactly once, also under concurrent calls. */
export async function verifyLogin({
  db,
  token,
  auth,
}: {
  db: Db;
  token: string;
  auth: Pick<AuthenticatedClient, "client" | "domain">;
}): Promise<VerifiedLogin> {
  const sql = hotSqlOf(db);
  const tokenHash = sha256(token);
  const now = new Date();
  const won = await redeemLoginToken(sql, { tokenHash, clientId: auth.client.id, domainId: auth.domain.id }, now);
  if (!won) {
    const current = await loginTokenState(sql, tokenHash);
    // A token of another client or domain is reported exactly like an unknown one.
    if (!current || current.clientId !== auth.client.id || current.domainId !== auth.domain.id) {
      throw new LoginTokenError("UNKNOWN");
    }
    if (current.consumedAt) throw new LoginTokenError("ALREADY_USED");
    if (current.expiresAt.getTime() <= now.getTime()) throw new LoginTokenError("EXPIRED");
    if (current.deniedAt) throw new LoginTokenError("DECLINED");
    throw new LoginTokenError("PENDING");
  }

  const { user } = won;
  if (!user) throw new Error("An approved login token names no existing user");

  const granted = new Set((won.scopes ?? "").split(" ").filter(Boolean));
  const profile = granted.has("userinfo");
  return {
    sub: user.sub,
    name: profile ? user.name : null,
    given_name: profile ? user.givenName : null,
    family_name: profile ? user.familyName : null,
    email: profile ? user.email : null,
    email_verified: profile ? user.emailVerified : null,
    picture: profile ? user.picture : null,
  };
}
