import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { serialize } from "hono/utils/cookie";
import type { Config } from "../config.js";
import { randomToken } from "../core/auth/crypto.js";

/** A year: the device cookie only has to outlive the sessions it tells apart. */
const DEVICE_COOKIE_SECONDS = 365 * 24 * 3600;

const cookieName = (config: Config) =>
  config.publicUrl.startsWith("https://") ? "__Host-gatehouse_device" : "gatehouse_device";

/**
 * This browser's device id: the cookie it carries, or a new random one with the Set-Cookie that gives it.
 * The id names a browser for new-device checks and proves nothing by itself.
 */
export function deviceOf(c: Context, config: Config): { id: string; setCookie: string | null } {
  const existing = getCookie(c, cookieName(config));
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { id: existing, setCookie: null };
  const id = randomToken(32);
  const setCookie = serialize(cookieName(config), id, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: config.publicUrl.startsWith("https://"),
    maxAge: DEVICE_COOKIE_SECONDS,
  });
  return { id, setCookie };
}
