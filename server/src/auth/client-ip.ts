import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The caller's IP: the socket's address, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return normaliseIp(getConnInfo(c).remote.address);
  } catch {
    return undefined; // no socket, e.g. app.fetch in tests
  }
}

function normaliseIp(address: string | undefined): string | undefined {
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}
