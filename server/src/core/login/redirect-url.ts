import type { Domain, DomainUrl } from "../../generated/prisma/client.js";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether `redirectUrl` may receive a login token for this domain: its host is the root domain or a
 * subdomain of it, or it is exactly one of the domain's active callback URLs. Plain http is allowed
 * only for local hosts and domains in test mode.
 */
export function redirectAllowed(
  domain: Domain,
  callbacks: readonly Pick<DomainUrl, "kind" | "url" | "active">[],
  redirectUrl: string,
): boolean {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;

  if (callbacks.some((callback) => callback.active && callback.kind === "CALLBACK" && callback.url === redirectUrl)) {
    return true;
  }
  const host = url.hostname.toLowerCase();
  const root = domain.rootDomain.toLowerCase().replace(/\.$/, "");
  const onDomain = host === root || host.endsWith(`.${root}`);
  if (!onDomain) return false;
  return url.protocol === "https:" || LOCAL_HOSTS.has(host) || domain.testMode;
}

/** The partner URL with the token added, keeping the query it already had. */
export function withToken(redirectUrl: string, token: string): string {
  const url = new URL(redirectUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Whether a fallback URI may be stored for (and followed from) this domain: the same rule as a
 * redirect_url, so the login origin never sends visitors off the partner's own domain.
 */
export function fallbackAllowed(domain: Domain, callbacks: DomainUrl[], fallbackUri: string): boolean {
  return redirectAllowed(domain, callbacks, fallbackUri);
}

/** The URL with XWMS's message parameters, which the XWMS Laravel middleware reads (HandleXwmsMessages). */
function withMessage(target: string, message: string): string | undefined {
  try {
    const url = new URL(target);
    // The browser is sent there: anything but http(s), such as javascript:, would run on our origin.
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    url.searchParams.set("xwmsmessage_status", "error");
    url.searchParams.set("xwmsmessage_message", message);
    return url.toString();
  } catch {
    return undefined;
  }
}

/**
 * The domain's fallback URI with XWMS's message parameters, or undefined when it has none or when
 * a stored value breaks the fallback rule (older data is ignored rather than followed).
 */
export function fallbackRedirect(domain: Domain & { urls: DomainUrl[] }, message: string): string | undefined {
  if (!domain.fallbackUri || !fallbackAllowed(domain, domain.urls, domain.fallbackUri)) return undefined;
  return withMessage(domain.fallbackUri, message);
}

/**
 * Where a failed or declined login sends the browser: the domain's fallback URI as XWMS does, else the
 * app's own redirect_url (still allowed for the domain) with the same parameters, so nobody is stranded.
 */
export function failureRedirect(
  domain: Domain & { urls: DomainUrl[] },
  redirectUrl: string,
  message: string,
): string | undefined {
  const fallback = fallbackRedirect(domain, message);
  if (fallback) return fallback;
  if (!redirectAllowed(domain, domain.urls, redirectUrl)) return undefined;
  const url = withMessage(redirectUrl, message);
  if (!url) return undefined;
  // A token in the app's own query would look like a finished login to its callback.
  const parsed = new URL(url);
  parsed.searchParams.delete("token");
  return parsed.toString();
}
