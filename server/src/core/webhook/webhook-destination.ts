import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent } from "undici";

export const REFUSED_DESTINATION = "Destination address not allowed";

/** Resolves a host name to every address it has. */
export type Lookup = (host: string) => Promise<{ address: string }[]>;

export const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Thrown from the dialler's lookup, so the refusal is recognisable under fetch's own error. */
export class DestinationRefused extends Error {
  readonly code = "GATEHOUSE_DESTINATION_REFUSED";
  constructor() {
    super(REFUSED_DESTINATION);
  }
}

/** Public unicast IPv4, i.e. none of loopback, private, link-local, CGNAT, multicast, reserved … */
const isPublicV4 = (address: ipaddr.IPv4) => address.range() === "unicast";

/** The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = address.toByteArray();
  const at = address.range() === "6to4" ? 2 : 12;
  return new ipaddr.IPv4(bytes.slice(at, at + 4));
}

/**
 * Whether a webhook may not dial this address: anything but public unicast, including IPv6 forms
 * that lead back into IPv4 (mapped, NAT64, 6to4) when the IPv4 address inside is not public.
 */
export function isForbiddenAddress(text: string): boolean {
  if (!ipaddr.isValid(text)) return true;
  const address = ipaddr.parse(text);
  if (address.kind() === "ipv4") return !isPublicV4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  switch (v6.range()) {
    case "unicast":
      return false;
    case "ipv4Mapped":
      return !isPublicV4(v6.toIPv4Address());
    case "rfc6052":
    case "6to4":
      return !isPublicV4(embeddedV4(v6));
    default:
      return true;
  }
}

/** A URL whose host is an IP literal is never looked up, so the dialler cannot check it: check it here. */
export function literalHostAllowed(url: URL, allowPrivate: boolean): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return allowPrivate || isIP(host) === 0 || !isForbiddenAddress(host);
}

/**
 * A net.connect lookup that resolves once and refuses forbidden addresses, so the address checked is
 * the address dialled (no second, rebindable DNS answer between check and connect).
 */
export function checkedLookup(lookup: Lookup, allowPrivate: boolean): LookupFunction {
  const allowed = (found: { address: string }[]) => {
    const addresses = found.map(({ address }) => ({ address, family: isIP(address) }));
    if (addresses.length === 0) throw Object.assign(new Error("No address"), { code: "ENOTFOUND" });
    if (!allowPrivate && addresses.some(({ address }) => isForbiddenAddress(address))) throw new DestinationRefused();
    return addresses;
  };
  return (hostname, options, callback) => {
    lookup(hostname)
      .then(allowed)
      .then(
        (addresses) => {
          if (options.all) return callback(null, addresses);
          const [first] = addresses;
          callback(null, first?.address ?? "", first?.family ?? 4);
        },
        (error: NodeJS.ErrnoException) => callback(error, "", 4),
      );
  };
}

/** The HTTP dispatcher webhooks go out through: every connection is dialled via checkedLookup. */
export const webhookDispatcher = (lookup: Lookup, allowPrivate: boolean) =>
  new Agent({ connect: { lookup: checkedLookup(lookup, allowPrivate) } });
