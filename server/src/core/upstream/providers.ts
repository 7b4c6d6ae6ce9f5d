import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { UpstreamProvider as StoredProvider } from "../../generated/prisma/client.js";
import { encryptionKey, unseal } from "../auth/sealed-box.js";
import { normaliseScopes, preset, type UpstreamKind } from "./presets.js";

/** One upstream provider as the sign-in flow uses it, wherever it was configured. */
export type UpstreamProvider = {
  slug: string;
  kind: UpstreamKind;
  displayName: string;
  issuer: string;
  clientId: string;
  scopes: string[];
  iconUrl: string | null;
  enabled: boolean;
  /** Environment providers are read-only in the dashboard. */
  source: "ENVIRONMENT" | "DASHBOARD";
  /** Stored row id (dashboard providers only). */
  id: string | null;
  /** Reads the client secret (decrypted for dashboard providers); only the token request needs it. */
  clientSecret: () => Promise<string>;
};

function fromEnvironment(config: Config): UpstreamProvider[] {
  return config.upstreamProviders.map((entry) => {
    const base = preset(entry.preset, { tenant: entry.tenant });
    return {
      slug: base.slug,
      kind: entry.preset,
      displayName: base.displayName,
      issuer: entry.issuer ?? base.issuer,
      clientId: entry.clientId,
      scopes: normaliseScopes(base.scopes),
      iconUrl: null,
      enabled: true,
      source: "ENVIRONMENT",
      id: null,
      clientSecret: async () => entry.clientSecret,
    };
  });
}

function fromRow(db: Db, config: Config, row: StoredProvider): UpstreamProvider {
  return {
    slug: row.slug,
    kind: row.kind as UpstreamKind,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    scopes: row.scopes.split(" "),
    iconUrl: row.iconUrl,
    enabled: row.enabled,
    source: "DASHBOARD",
    id: row.id,
    clientSecret: async () =>
      unseal(await encryptionKey(db, config), "upstream-client-secret", row.clientSecretEncrypted),
  };
}

/** Every configured provider; an environment provider hides a stored one with the same slug. */
export async function allProviders(db: Db, config: Config): Promise<UpstreamProvider[]> {
  const env = fromEnvironment(config);
  const rows = await db.upstreamProvider.findMany({ orderBy: { createdAt: "asc" } });
  const taken = new Set(env.map((provider) => provider.slug));
  return [...env, ...rows.filter((row) => !taken.has(row.slug)).map((row) => fromRow(db, config, row))];
}

/** The enabled provider with this slug, or null. */
export async function enabledProvider(db: Db, config: Config, slug: string): Promise<UpstreamProvider | null> {
  const found = (await allProviders(db, config)).find((provider) => provider.slug === slug);
  return found?.enabled ? found : null;
}

/** The callback address to register at the provider. */
export function redirectUri(config: Config, slug: string): string {
  return `${config.publicUrl}/upstream/${encodeURIComponent(slug)}/callback`;
}

/** A display name for a linked identity whose provider was since removed. */
export async function providerNames(db: Db, config: Config): Promise<Map<string, string>> {
  return new Map((await allProviders(db, config)).map((provider) => [provider.slug, provider.displayName]));
}
