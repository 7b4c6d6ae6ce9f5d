const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

type DomainFacts = { rootDomain: string; active: boolean; allowApi?: boolean };

/** https (http only on a loopback host), no fragment or credentials, host on one of the domains or below. */
function onDomains(value: string, domains: DomainFacts[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(host))) return false;
  return domains.some((domain) => {
    const root = domain.rootDomain.toLowerCase();
    return host === root || host.endsWith(`.${root}`);
  });
}

/**
 * Whether a back-channel logout URI may receive a client's logout tokens: https (http only on a loopback
 * host, for local development), no fragment, and its host one of the client's active domains or a
 * subdomain of one, so a client cannot aim Gatehouse's signed logout tokens at someone else's server.
 */
export function backchannelUriAllowed(value: string, domains: DomainFacts[]): boolean {
  return onDomains(
    value,
    domains.filter((domain) => domain.active),
  );
}

/**
 * Whether a resource indicator (RFC 8707) names one of the client's own APIs: a URL, under the same rules,
 * on one of its active domains that allow API calls. Access tokens for it are JWTs (RFC 9068) with the
 * indicator as their audience.
 */
export function resourceServerAllowed(value: string, domains: DomainFacts[]): boolean {
  return onDomains(
    value,
    domains.filter((domain) => domain.active && domain.allowApi),
  );
}
