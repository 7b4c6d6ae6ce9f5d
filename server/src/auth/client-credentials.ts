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

  const client = await db.client.findUnique({ where: { id: clientId }, include: { secrets: true } });
  if (!client) throw new XwmsError(401, INVALID);

  // Compare against every secret of the client in constant time; never look a secret up by its value.
  const presentedHash = sha256(presented);
  let secret: ClientSecret | undefined;
  for (const candidate of client.secrets) {
    if (digestsEqual(candidate.secretHash, presentedHash)) secret = candidate;
  }
  if (!secret) throw new XwmsError(401, INVALID);
  if (secret.revokedAt) throw new XwmsError(401, "This client secret has been revoked");
  if (secret.expiresAt && secret.expiresAt.getTime() <= Date.now()) {
    throw new XwmsError(401, "This client secret has expired");
  }

  const domain = await db.domain.findFirst({
    where: { clientId: client.id, OR: [{ rootDomain: domainKey.toLowerCase() }, { publicId: domainKey }] },
  });
  if (!domain) throw new XwmsError(403, "The domain is not registered for this client");
  if (!domain.active) throw new XwmsError(403, "This domain is inactive");

  const linked = await db.secretDomain.findUnique({
    where: { secretId_domainId: { secretId: secret.id, domainId: domain.id } },
  });
  if (!linked) throw new XwmsError(403, "This client secret is not linked to the domain");

  if (purpose === "login" && !domain.allowLogin) throw new XwmsError(403, "Login is not allowed for this domain");
  if (purpose === "api" && !domain.allowApi) throw new XwmsError(403, "API access is not allowed for this domain");

  const allowlist = parseAllowlist(domain.serverIp);
  if (allowlist.length > 0 && (!callerIp || !allowlist.includes(callerIp))) {
    throw new XwmsError(403, "Requests from this IP address are not allowed for this domain");
  }

  if (!secret.lastUsedAt || Date.now() - secret.lastUsedAt.getTime() > SECRET_TOUCH_INTERVAL_MS) {
    await db.clientSecret.update({ where: { id: secret.id }, data: { lastUsedAt: new Date() } });
  }
  const { secrets: _secrets, ...clientOnly } = client;
  return { client: clientOnly, domain, secret };
}

function parseAllowlist(serverIp: string | null): string[] {
  return (serverIp ?? "")
    .split(/[\s,]+/)
    .map((ip) => ip.trim())
    .filter(Boolean);
}
