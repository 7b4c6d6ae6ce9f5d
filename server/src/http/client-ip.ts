import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The caller's IP. Behind `trustedHops` proxies of our own, each appends the address it received
 * from to X-Forwarded-For, so the caller is the hop that many entries from the right; everything
 * further left was written by the caller and proves nothing. With 0 the socket's address counts.
 */
export function clientIp(c: Context, trustedHops: number): string | undefined {
  return forwardedIp(c.req.header("x-forwarded-for"), trustedHops) ?? socketIp(c);
}

/** The trusted hop of an X-Forwarded-For value, or undefined when none can be trusted. */
export function forwardedIp(header: string | undefined, trustedHops: number): string | undefined {
  if (trustedHops < 1 || !header) return undefined;
  const hops = header
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  // Fewer entries than proxies: the request skipped a proxy, so the left-most one our proxies wrote counts.
  const hop = normaliseIp(hops[Math.max(0, hops.length - trustedHops)]);
  return hop && isIP(hop) ? hop : undefined;
}

/** The same decision for a request read straight from Node (the /api fast path). */
export function clientIpOf(forwardedFor: string | undefined, socketAddress: string | undefined, trustedHops: number) {
  return forwardedIp(forwardedFor, trustedHops) ?? normaliseIp(socketAddress);
}

function socketIp(c: Context): string | undefined {
  try {
    return normaliseIp(getConnInfo(c).remote.address);
  } catch {
    return undefined; // no socket, e.g. app.fetch in tests
  }
}

function normaliseIp(address: string | undefined): string | undefined {
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}
