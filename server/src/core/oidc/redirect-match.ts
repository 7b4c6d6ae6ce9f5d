const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The URL without its port when it names a loopback host over http; undefined otherwise. */
function withoutLoopbackPort(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" || !LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  url.port = "";
  return url.href;
}

/**
 * Whether a presented redirect_uri matches a registered one: exactly (RFC 9700), or for loopback
 * hosts with any port, as native apps bind whatever port is free (RFC 8252 §7.3).
 */
export function redirectUriMatches(registered: string, presented: string): boolean {
  if (registered === presented) return true;
  const loose = withoutLoopbackPort(presented);
  return loose !== undefined && withoutLoopbackPort(registered) === loose;
}
