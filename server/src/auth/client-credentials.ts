import type { Db } from "../db.js";
import type { Client, ClientSecret, Domain } from "../generated/prisma/client.js";
import { XwmsError } from "../xwms/envelope.js";
import { digestsEqual, sha256 } from "./crypto.js";

export type ClientCredentials = { clientId?: string; secret?: string; domain?: string };

export type AuthenticatedClient = { client: Client; domain: Domain; secret: ClientSecret };

/** What the call is for: login endpoints need allowLogin, data endpoints allowApi. */
export type ClientPurpose = "login" | "api";

const INVALID = "Invalid client credentials";
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
 * until it has proven it holds one of that client's secrets.
 */
export async function authenticateClient(
  db: Db,
  credentials: ClientCredentials,
  purpose: ClientPurpose,
  callerIp: string | undefined,
): Promise<AuthenticatedClient> {
  const { clientId, secret: presented, domain: domainKey } = credentials;
  if (!clientId || !presented || !domainKey) {
    throw new XwmsError(401, "Missing client credentials: send X-Client-Id, X-Client-Secret and X-Client-Domain");
  }

  // One round trip loads the client, its secrets with their domain links, and the named domain.
  const found = await db.client.findUnique({
    where: { id: clientId },
    include: {
      secrets: { include: { domainLinks: { select: { domainId: true } } } },
      domains: { where: { OR: [{ rootDomain: domainKey.toLowerCase() }, { publicId: domainKey }] }, take: 1 },
    },
  });
  if (!found) throw new XwmsError(401, INVALID);
  const { secrets, domains, ...client } = found;

  // Compare against every secret of the client in constant time; never look a secret up by its value.
  const presentedHash = sha256(presented);
  let match: (typeof secrets)[number] | undefined;
  for (const candidate of secrets) {
    if (digestsEqual(candidate.secretHash, presentedHash)) match = candidate;
  }
  if (!match) throw new XwmsError(401, INVALID);
  const { domainLinks, ...secret } = match;
  if (secret.revokedAt) throw new XwmsError(401, "This client secret has been revoked");
  if (secret.expiresAt && secret.expiresAt.getTime() <= Date.now()) {
    throw new XwmsError(401, "This client secret has expired");
  }

  const domain = domains[0];
  if (!domain) throw new XwmsError(403, "The domain is not registered for this client");
  if (!domain.active) throw new XwmsError(403, "This domain is inactive");
  if (!domainLinks.some((link) => link.domainId === domain.id)) {
    throw new XwmsError(403, "This client secret is not linked to the domain");
  }

  if (purpose === "login" && !domain.allowLogin) throw new XwmsError(403, "Login is not allowed for this domain");
  if (purpose === "api" && !domain.allowApi) throw new XwmsError(403, "API access is not allowed for this domain");

  const allowlist = parseAllowlist(domain.serverIp);
  if (allowlist.length > 0 && (!callerIp || !allowlist.includes(callerIp))) {
    throw new XwmsError(403, "Requests from this IP address are not allowed for this domain");
  }

  if (!secret.lastUsedAt || Date.now() - secret.lastUsedAt.getTime() > SECRET_TOUCH_INTERVAL_MS) {
    await db.clientSecret.update({ where: { id: secret.id }, data: { lastUsedAt: new Date() } });
  }
  return { client, domain, secret };
}

function parseAllowlist(serverIp: string | null): string[] {
  return (serverIp ?? "")
    .split(/[\s,]+/)
    .map((ip) => ip.trim())
    .filter(Boolean);
}
