import { isIP } from "node:net";
import { z } from "zod";
import type { SqliteSynchronous } from "./db/sqlite-wal.js";
import { DEFAULT_DATABASE_URL, dialectOf } from "./db/url.js";

/** "1.2.3.4", "1.2.3.4:53", "::1" or "[::1]:53", as dns.Resolver#setServers takes them. */
function isDnsServer(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  if (bracketed) return isIP(bracketed[1] ?? "") === 6 && (bracketed[2] === undefined || Number(bracketed[2]) <= 65535);
  if (isIP(entry) !== 0) return true;
  const [host, port, ...rest] = entry.split(":");
  return rest.length === 0 && isIP(host ?? "") === 4 && /^\d{1,5}$/.test(port ?? "") && Number(port) <= 65535;
}

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => {
      try {
        dialectOf(url);
        return true;
      } catch {
        return false;
      }
    }, "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
  SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"),
  DATABASE_HOT_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  PUBLIC_URL: z.url().optional(),
  LOGIN_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d)$/, "must be false, true (one proxy) or the number of proxies in front (0-9)")
    .default("false")
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  DNS_SERVERS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const servers = (value ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      const bad = servers.filter((entry) => !isDnsServer(entry));
      if (bad.length > 0) ctx.addIssue({ code: "custom", message: `not ip[:port]: ${bad.join(", ")}` });
      return servers;
    }),
  DOMAIN_PROOF_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5000),
  DOMAIN_PROOF_ALLOW_PRIVATE: booleanFlag.default(false),
  DOMAIN_PROOF_HTTPS_PORT: z.coerce.number().int().min(1).max(65535).default(443),
  DOMAIN_PROOF_CA_FILE: z.string().min(1).optional(),
  SEED_DEMO: booleanFlag.optional(),
  WEB_DIST: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Gatehouse <no-reply@gatehouse.local>"),
  DEV_OUTBOX_DIR: z.string().default(".data/outbox"),
  REDIS_URL: z.string().startsWith("redis", "must be a redis:// or rediss:// URL").optional(),
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  CLIENT_CREATION: z.enum(["paid", "anyone", "staff"]).default("paid"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SECRET_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  UPSTREAM_GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  UPSTREAM_GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  UPSTREAM_GOOGLE_ISSUER: z.url().optional(),
  UPSTREAM_MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  UPSTREAM_MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  UPSTREAM_MICROSOFT_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, "must be common, organizations, consumers or a tenant id")
    .default("common"),
  OIDC_KEY_PUBLISH_LEAD_SECONDS: z.coerce.number().int().min(0).default(600),
  OIDC_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).default(90),
  OIDC_KEYS_REFRESH_SECONDS: z.coerce.number().int().min(0).default(60),
});

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string;
  /** SQLite's `synchronous` on every connection: NORMAL (no fsync per commit in WAL; a power loss may undo the last commits) or FULL. */
  sqliteSynchronous: SqliteSynchronous;
  /** PostgreSQL connections of the hot path's pool; unset, db/client.ts's defaultHotPoolSize decides. */
  databaseHotPoolSize: number | undefined;
  publicUrl: string;
  loginTokenTtlSeconds: number;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  /** How many proxies of our own stand in front; the caller IP is that many X-Forwarded-For hops from the right. */
  trustProxy: number;
  /** Webhooks may reach loopback and private addresses (local development only; refused in production). */
  webhookAllowPrivate: boolean;
  /** Resolvers for domain ownership proof (ip or ip:port); empty means the system's. */
  dnsServers: string[];
  /** How long one DNS or HTTPS ownership check may take. */
  domainProofTimeoutMs: number;
  /** The HTTPS proof may reach loopback and private addresses (tests and local development; refused in production). */
  domainProofAllowPrivate: boolean;
  /** Port of the HTTPS proof (443; tests serve the file elsewhere). */
  domainProofHttpsPort: number;
  /** An extra CA (PEM file) trusted for the HTTPS proof, e.g. a test's self-signed certificate. */
  domainProofCaFile: string | undefined;
  /** Demo admin and client are created (and printed once) unless in production. */
  seedDemo: boolean;
  webDist: string | undefined;
  /** smtp:// or smtps:// URL; without it mail lands in devOutboxDir. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where mail goes when no SMTP server is configured (relative to the repository root). */
  devOutboxDir: string;
  requestTimeoutMs: number;
  /** /api requests one client may make per minute (a bad secret counts five). */
  apiRequestsPerMinute: number;
  /** GraphQL mutations one session, token, client or IP may make per minute. */
  mutationsPerMinute: number;
  /** Rate-limit counters go to Redis when set, to the database otherwise. */
  redisUrl: string | undefined;
  /** Who may create clients: PAID-plan accounts (as XWMS), any signed-in person, or platform staff only. */
  clientCreation: "paid" | "anyone" | "staff";
  /** GET /metrics on the main port needs this bearer token; without it (and METRICS_PORT) metrics are off. */
  metricsToken: string | undefined;
  /** Serves /metrics without a token on its own port (bound to HOST), for a scraper on a private network. */
  metricsPort: number | undefined;
  /** Encrypts stored upstream provider secrets; without it a random key kept in the database is used. */
  secretEncryptionKey: string | undefined;
  /** Upstream sign-in providers set by environment (UPSTREAM_GOOGLE_*, UPSTREAM_MICROSOFT_*). */
  upstreamProviders: EnvUpstreamProvider[];
  /** A new signing key is published this long before it signs. */
  oidcKeyPublishLeadSeconds: number;
  /** Signing keys older than this are rotated. */
  oidcKeyRotationDays: number;
  /** How often an instance looks for rotated signing keys. */
  oidcKeysRefreshSeconds: number;
};

/** A Google or Microsoft preset completed by environment variables; not editable in the dashboard. */
export type EnvUpstreamProvider = {
  preset: "GOOGLE" | "MICROSOFT";
  clientId: string;
  clientSecret: string;
  /** Only Google's may be overridden (a test issuer); Microsoft's follows UPSTREAM_MICROSOFT_TENANT. */
  issuer?: string | undefined;
  tenant?: string | undefined;
};

function envUpstreamProviders(env: z.infer<typeof environment>): EnvUpstreamProvider[] {
  const providers: EnvUpstreamProvider[] = [];
  const pair = (name: string, id: string | undefined, secret: string | undefined) => {
    if (Boolean(id) !== Boolean(secret)) {
      throw new Error(
        `Invalid configuration:\n  UPSTREAM_${name}_CLIENT_ID and UPSTREAM_${name}_CLIENT_SECRET go together`,
      );
    }
    return id && secret ? { clientId: id, clientSecret: secret } : null;
  };
  if (
    env.UPSTREAM_GOOGLE_ISSUER &&
    !env.UPSTREAM_GOOGLE_ISSUER.startsWith("https://") &&
    env.NODE_ENV === "production"
  ) {
    throw new Error("Invalid configuration:\n  UPSTREAM_GOOGLE_ISSUER: must use https in production");
  }
  const google = pair("GOOGLE", env.UPSTREAM_GOOGLE_CLIENT_ID, env.UPSTREAM_GOOGLE_CLIENT_SECRET);
  if (google) providers.push({ preset: "GOOGLE", ...google, issuer: env.UPSTREAM_GOOGLE_ISSUER });
  const microsoft = pair("MICROSOFT", env.UPSTREAM_MICROSOFT_CLIENT_ID, env.UPSTREAM_MICROSOFT_CLIENT_SECRET);
  if (microsoft) providers.push({ preset: "MICROSOFT", ...microsoft, tenant: env.UPSTREAM_MICROSOFT_TENANT });
  return providers;
}

/** Parses the environment once; throws a readable error naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
    databaseHotPoolSize: env.DATABASE_HOT_POOL_SIZE,
    publicUrl,
    loginTokenTtlSeconds: env.LOGIN_TOKEN_TTL_SECONDS,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
    dnsServers: env.DNS_SERVERS,
    domainProofTimeoutMs: env.DOMAIN_PROOF_TIMEOUT_MS,
    domainProofAllowPrivate: env.DOMAIN_PROOF_ALLOW_PRIVATE,
    domainProofHttpsPort: env.DOMAIN_PROOF_HTTPS_PORT,
    domainProofCaFile: env.DOMAIN_PROOF_CA_FILE,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== "production",
    webDist: env.WEB_DIST,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    devOutboxDir: env.DEV_OUTBOX_DIR,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    apiRequestsPerMinute: env.API_REQUESTS_PER_MINUTE,
    mutationsPerMinute: env.MUTATIONS_PER_MINUTE,
    redisUrl: env.REDIS_URL,
    clientCreation: env.CLIENT_CREATION,
    metricsToken: env.METRICS_TOKEN,
    metricsPort: env.METRICS_PORT,
    secretEncryptionKey: env.SECRET_ENCRYPTION_KEY,
    upstreamProviders: envUpstreamProviders(env),
    oidcKeyPublishLeadSeconds: env.OIDC_KEY_PUBLISH_LEAD_SECONDS,
    oidcKeyRotationDays: env.OIDC_KEY_ROTATION_DAYS,
    oidcKeysRefreshSeconds: env.OIDC_KEYS_REFRESH_SECONDS,
  };
}
