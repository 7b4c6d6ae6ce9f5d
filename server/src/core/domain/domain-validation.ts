import { z } from "zod";
import { allowlistEntries, invalidAllowlistEntries } from "../auth/ip-allowlist.js";

const EXAMPLE = "for example example.com";
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^[a-z]{2,63}$/;
/** Plain http is fine only for a developer's own machine. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

/** Why `host` (already trimmed and lower-cased) is not a root domain, or null when it is one. */
export function rootDomainProblem(host: string): string | null {
  if (host === "") return `Enter the root domain, ${EXAMPLE}.`;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) return `Enter the domain without https:// — ${EXAMPLE}`;
  if (/\s/.test(host)) return `The domain cannot contain spaces — ${EXAMPLE}`;
  if (/[/?#]/.test(host)) return `Enter only the domain, without a path — ${EXAMPLE}`;
  if (host.includes(":")) return `Enter the domain without a port — ${EXAMPLE}`;
  if (host === "localhost") return null;
  if (host.length > 253) return "A domain name can have at most 253 characters.";
  const labels = host.split(".");
  if (labels.length < 2) return `Enter a full domain with a dot, ${EXAMPLE}.`;
  if (!labels.every((label) => LABEL.test(label)) || !TLD.test(labels[labels.length - 1] ?? "")) {
    return `Enter a valid domain name: letters, digits, dashes and dots only, ${EXAMPLE}.`;
  }
  return null;
}

export const rootDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((host, ctx) => {
    const problem = rootDomainProblem(host);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** null/"" clear the allowlist; otherwise every entry must be an IPv4 or IPv6 address. */
export const serverIpSchema = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    const entries = allowlistEntries(value);
    const invalid = invalidAllowlistEntries(entries);
    if (invalid.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `Not an IP address: ${invalid.join(", ")}. Enter IPv4 or IPv6 addresses separated by commas.`,
      });
      return z.NEVER;
    }
    return entries.length > 0 ? entries.join(", ") : null;
  });

/** Why `value` is not an acceptable absolute URL, or null when it is. */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL starting with https://, for example https://example.com/callback.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return "Only https:// URLs are allowed (http:// for localhost).";
  }
  if (url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname)) {
    return "Use https:// — plain http:// is allowed only for localhost and 127.0.0.1.";
  }
  if (url.username || url.password) return "The URL cannot contain a user name or password.";
  if (url.hash) return "The URL cannot contain a #fragment.";
  return null;
}

export const urlSchema = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters.")
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** An optional URL field: null or "" clears it. */
export const optionalUrlSchema = z
  .string()
  .trim()
  .nullish()
  .transform((value) => value || null)
  .pipe(urlSchema.nullable());

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((value) => value || null);

/** A new domain's flags when the owner sets none: the database's column defaults (schema.prisma). */
export const DOMAIN_DEFAULTS = {
  allowLogin: true,
  allowApi: false,
  active: true,
  primary: false,
  testMode: false,
} as const;

/** Every settable domain field; creation requires rootDomain, updates take any subset. */
export const domainFieldsSchema = z.object({
  rootDomain: rootDomainSchema,
  serverIp: serverIpSchema,
  internalName: optionalText(100),
  logoUrl: optionalUrlSchema,
  fallbackUri: optionalUrlSchema,
  allowLogin: z.boolean(),
  allowApi: z.boolean(),
  active: z.boolean(),
  primary: z.boolean(),
  testMode: z.boolean(),
});

export type DomainFields = z.infer<typeof domainFieldsSchema>;
