import { isIPv4, isIPv6 } from "node:net";
import type { User } from "../../generated/prisma/client.js";
import { sha256 } from "../auth/crypto.js";
import type { ServiceContext } from "../context.js";
import { notifyPerson } from "../notification/notification.js";

/** The network of an address: its IPv4 /24 or IPv6 /64, as "a.b.c.0/24" or "h:h:h:h::/64"; null for none. */
export function networkOf(ip: string | undefined): string | null {
  if (!ip) return null;
  const address = ip.toLowerCase().startsWith("::ffff:") && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(address)) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (!isIPv6(address)) return null;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : address.split(":");
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || "0", 16).toString(16))
    .join(":")}::/64`;
}

/** Where this sign-in comes from, as the account's history keys it. */
function placeOf(ctx: ServiceContext) {
  return { deviceHash: ctx.device ? sha256(ctx.device) : null, network: networkOf(ctx.ip) };
}

/**
 * True when the account has signed in before, but never from this device nor from this network: then
 * the sign-in must prove a second factor. An account without any history (new, or from before this
 * check) trusts its first place.
 */
export async function isNewPlace(ctx: ServiceContext, userId: string): Promise<boolean> {
  const { deviceHash, network } = placeOf(ctx);
  const [history, device, known] = await Promise.all([
    ctx.db.knownNetwork.count({ where: { userId } }),
    deviceHash ? ctx.db.knownDevice.count({ where: { userId, deviceHash } }) : 0,
    network ? ctx.db.knownNetwork.count({ where: { userId, network } }) : 0,
  ]);
  return history > 0 && device === 0 && known === 0;
}

/** Remembers this device and network for the account; mails a notice when both were new to it. */
export async function recordSignInPlace(ctx: ServiceContext, user: User): Promise<void> {
  const newPlace = await isNewPlace(ctx, user.id);
  const { deviceHash, network } = placeOf(ctx);
  const now = new Date();
  await Promise.all([
    deviceHash
      ? ctx.db.knownDevice.upsert({
          where: { userId_deviceHash: { userId: user.id, deviceHash } },
          create: { userId: user.id, deviceHash },
          update: { lastUsedAt: now },
        })
      : null,
    network
      ? ctx.db.knownNetwork.upsert({
          where: { userId_network: { userId: user.id, network } },
          create: { userId: user.id, network },
          update: { lastUsedAt: now },
        })
      : null,
  ]);
  if (!newPlace) return;
  await notifyPerson(ctx, user, "SIGN_IN", "newSignIn", {
    name: user.name,
    browser: ctx.userAgent?.slice(0, 200) ?? null,
    ip: ctx.ip ?? null,
    time: now,
  });
}
