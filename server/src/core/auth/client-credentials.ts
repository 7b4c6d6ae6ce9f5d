import type { Db } from "../../db/client.js";
import type { DomainWithCallbacks, SecretWithLinks } from "../../db/hot/client-auth.js";
import {
  clientAuthFacts,
  clientAuthFactsAndCounter,
  secretLastUsedAt,
  touchSecret,
} from "../../db/hot/client-auth-cache.js";
import { hotSqlOf } from "../../db/hot/registry.js";
import type { HotSql } from "../../db/hot/sql.js";
import type { Client, ClientSecret, Domain } from "../../generated/prisma/client.js";
import type { Count, SourceLockout } from "../../rate-limit/limiters.js";
import { ClientForbiddenError, ClientUnauthenticatedError, RateLimitedError } from "../errors.js";
import { digestsEqual, sha256 } from "./crypto.js";
import { ipAllowed } from "./ip-allowlist.js";

export type ClientCredentials = { clientId?: string; secret?: string; domain?: string };

/** The domain comes with its active callback URLs, which decide where a login it starts may return to. */
export type AuthenticatedClient = { client: Client; domain: DomainWithCallbacks; secret: ClientSecret };

/** What the call is for: login endpoints need allowLogin, data endpoints allowApi. */
export type ClientPurpose = "login" | "api";

const INVALID = "Invalid client credentials";
export const MISSING_CLIENT_CREDENTIALS =
  "Missing client credentials: send X-Client-Id, X-Client-Secret and X-Client-Domain";
const SECRET_TOUCH_INTERVAL_MS = 60_000;

export function credentialsFromHeaders(header: (name: string) => string | undefined): ClientCredentials {
  return {
    clientId: header("x-client-id")?.trim() || undefined,
    secret: header("x-client-secret")?.trim() || undefined,
    domain: header("x-client-domain")?.trim() || undefined,
  };
}

/**
 * Runs every check DESIGN.md lists, in an order that tells a caller nothing about a client
 * until it has proven it holds one of that client's secrets. With `lockout`, a source that sent bad credentials
 * for this client id too often is refused first, before any secret is compared.
 */
export async function authenticateClient(
  db: Db,
  credentials: ClientCredentials,
  purpose: ClientPurpose,
  callerIp: string | undefined,
  now: Date = new Date(),
  lockout?: SourceLockout,
): Promise<AuthenticatedClient> {
  const { clientId, secret: presented, domain: domainKey } = credentials;
  if (!clientId || !presented || !domainKey) {
    throw new ClientUnauthenticatedError(MISSING_CLIENT_CREDENTIALS);
  }

  const sql = hotSqlOf(db);
  const { found, failures } = await factsAndFailures(sql, clientId, lockout);
  if (lockout && failures && failures.points >= lockout.failures) {
    const wait = Math.max(1, Math.ceil(failures.msBeforeNext / 1000));
    throw new RateLimitedError(wait, `Too many requests for this client. Try again in ${wait} seconds.`);
  }
  if (!found) throw new ClientUnauthenticatedError(INVALID);
  const { client, domains, secrets } = found;

  const { linkedDomainIds, ...secret } = liveSecret(secrets, presented, now);

  const domain = matchDomain(domains, domainKey);
  if (!domain) throw new ClientForbiddenError("The domain is not registered for this client");
  assertDomainUsable(domain, linkedDomainIds, purpose, callerIp);

  await touchIfStale(sql, secret, now);
  return { client, domain, secret };
}

/** The client's facts and the source's failure count: in one statement when the count is a row of this database. */
async function factsAndFailures(sql: HotSql, clientId: string, lockout: SourceLockout | undefined) {
  if (!lockout) return { found: await clientAuthFacts(sql, clientId), failures: null };
  if ("read" in lockout) {
    const [found, failures] = await Promise.all([clientAuthFacts(sql, clientId), lockout.read()]);
    return { found, failures };
  }
  const { facts, counter } = await clientAuthFactsAndCounter(sql, clientId, lockout.row);
  const failures: Count | null = counter && {
    points: counter.points,
    msBeforeNext: counter.expire ? counter.expire.getTime() - Date.now() : 0,
  };
  return { found: facts, failures };
}

/**
 * The client's secret whose digest equals the presented value's, when it is live (not revoked, not
 * expired); throws otherwise. Compares against every secret in constant time, never looks one up by value.
 */
export function liveSecret(
  secrets: readonly SecretWithLinks[],
  presented: string,
  now: Date = new Date(),
): SecretWithLinks {
  const presentedHash = sha256(presented);
  let match: SecretWithLinks | undefined;
  for (const candidate of secrets) {
    if (digestsEqual(candidate.secretHash, presentedHash)) match = candidate;
  }
  if (!match) throw new ClientUnauthenticatedError(INVALID);
  if (match.revokedAt) throw new ClientUnauthenticatedError("This client secret has been revoked");
  if (match.expiresAt && match.expiresAt.getTime() <= now.getTime()) {
    throw new ClientUnauthenticatedError("This client secret has expired");
  }
  return match;
}

/** The domain rules of a call: active, the secret linked to it, the purpose's flag on, the caller's IP allowed. */
export function assertDomainUsable(
  domain: Domain,
  linkedDomainIds: readonly string[],
  purpose: ClientPurpose,
  callerIp: string | undefined,
): void {
  if (!domain.active) throw new ClientForbiddenError("This domain is inactive");
  if (!linkedDomainIds.includes(domain.id)) {
    throw new ClientForbiddenError("This client secret is not linked to the domain");
  }
  if (purpose === "login" && !domain.allowLogin) throw new ClientForbiddenError("Login is not allowed for this domain");
  if (purpose === "api" && !domain.allowApi)
    throw new ClientForbiddenError("API access is not allowed for this domain");
  if (!ipAllowed(domain.serverIp, callerIp)) {
    throw new ClientForbiddenError("Requests from this IP address are not allowed for this domain");
  }
}

/**
 * Records the secret's last use at most once a minute per instance, so a busy client does not write on every
 * call; judged by this instance's own last write, since cached facts keep the lastUsedAt they were read with.
 */
export async function touchIfStale(sql: HotSql, secret: ClientSecret, now: Date = new Date()): Promise<void> {
  const lastUsedAt = secretLastUsedAt(sql, secret.id, secret.lastUsedAt);
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > SECRET_TOUCH_INTERVAL_MS) {
    await touchSecret(sql, secret.id, now);
  }
}

/**
 * The domain X-Client-Domain names: its domain ID, its root domain, or a host under it (the Laravel
 * helper sends the request host, e.g. www.example.com); the most specific root domain wins.
 */
export function matchDomain<D extends Domain>(domains: D[], key: string): D | undefined {
  const byId = domains.find((domain) => domain.publicId === key);
  if (byId) return byId;
  const host = key.toLowerCase().replace(/\.$/, "");
  let best: D | undefined;
  for (const domain of domains) {
    const root = domain.rootDomain.toLowerCase();
    const covers = host === root || host.endsWith(`.${root}`);
    if (covers && (!best || root.length > best.rootDomain.length)) best = domain;
  }
  return best;
}
