import { serialize } from "hono/utils/cookie";
import type { Config } from "../config.js";
import type { SessionChange } from "../core/auth/session.js";
import { sessionCookieName } from "../core/auth/session.js";

/** The Set-Cookie value for a session a service started or ended. */
export function sessionCookie(config: Config, change: SessionChange): string {
  return serialize(sessionCookieName(config), change.token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: config.publicUrl.startsWith("https://"),
    maxAge: change.maxAgeSeconds,
  });
}
