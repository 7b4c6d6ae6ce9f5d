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
