/** Which preset a provider came from: it picks the defaults and the icon the sign-in page draws. */
export type UpstreamKind = "GOOGLE" | "MICROSOFT" | "GENERIC";

export type UpstreamPreset = { slug: string; displayName: string; issuer: string; scopes: string[] };

export const DEFAULT_SCOPES = ["openid", "email", "profile"];

/** Google and Microsoft as staff (or UPSTREAM_* variables) get them: issuer, scopes and name. */
export function preset(kind: "GOOGLE" | "MICROSOFT", options: { tenant?: string | undefined } = {}): UpstreamPreset {
  if (kind === "GOOGLE") {
    return { slug: "google", displayName: "Google", issuer: "https://accounts.google.com", scopes: DEFAULT_SCOPES };
  }
  // "common" takes work, school and personal accounts; openid-client resolves its {tenantid} issuer per token.
  const tenant = options.tenant ?? "common";
  return {
    slug: "microsoft",
    displayName: "Microsoft",
    issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
    scopes: DEFAULT_SCOPES,
  };
}

/** Scopes as stored: space-separated, deduplicated, and always with openid and email (accounts link by e-mail). */
export function normaliseScopes(scopes: readonly string[]): string[] {
  return [...new Set(["openid", "email", ...scopes.flatMap((scope) => scope.split(/\s+/)).filter(Boolean)])];
}

/**
 * An issuer Gatehouse will talk to: https, or plain http on a loopback host outside production (a
 * local provider in development and tests). Answers a reason when it is not acceptable.
 */
export function issuerProblem(issuer: string, env: "development" | "production" | "test"): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "Enter the issuer as a URL, e.g. https://accounts.google.com.";
  }
  if (url.search || url.hash) return "The issuer has no query string or fragment.";
  if (url.protocol === "https:") return null;
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && loopback && env !== "production") return null;
  return "The issuer must use https.";
}

/**
 * Whether the provider vouches for `email` (lower-cased). Every provider may say email_verified: true.
 * Microsoft's ID tokens often carry no email_verified; the Microsoft preset alone also takes its own
 * signals: xms_edov (the e-mail's domain is verified by its tenant) or the e-mail listed in
 * verified_primary_email / verified_secondary_email. A bare `email` claim never counts.
 */
export function emailVouchedFor(kind: UpstreamKind, email: string | null, claims: Record<string, unknown>): boolean {
  if (!email) return false;
  if (claims.email_verified === true) return true;
  if (kind !== "MICROSOFT") return false;
  // Optional claims may arrive as a boolean or, from some tenants, as the string "true" or "1".
  if (claims.xms_edov === true || claims.xms_edov === "true" || claims.xms_edov === "1" || claims.xms_edov === 1) {
    return true;
  }
  const listed = [claims.verified_primary_email, claims.verified_secondary_email].flatMap((value) =>
    Array.isArray(value) ? value : [value],
  );
  return listed.some((value) => typeof value === "string" && value.trim().toLowerCase() === email);
}
