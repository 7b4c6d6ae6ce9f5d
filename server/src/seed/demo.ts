import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import { digestsEqual, newSub, randomToken, sha256 } from "../core/auth/crypto.js";
import { hashPassword, verifyPassword } from "../core/auth/password.js";
import { newDomainPublicId } from "../core/domain/domain-id.js";
import { createBuiltInRoles } from "../core/role/built-in-roles.js";
import { newClientSecret } from "../core/secret/secret-value.js";
import type { Db } from "../db/client.js";
import { dialectOf, repoRoot, sqliteFilePath } from "../db/url.js";
import { apiBaseUrl } from "../xwms/info.js";
import { SCOPE_CATALOGUE } from "./catalogue.js";

export const DEMO_ADMIN_EMAIL = "admin@gatehouse.local";
const DEMO_CLIENT_NAME = "Demo Client";
const DEMO_DOMAIN = "localhost";
export const DEMO_CALLBACK_URLS = ["http://localhost/callback", "http://127.0.0.1/callback"];
const DEMO_SECRET_LABEL = "Demo key";

export type DemoCredentials = {
  adminEmail: string;
  adminPassword: string;
  clientId: string;
  clientSecret: string;
  domain: string;
  domainId: string;
  apiUrl: string;
};

/**
 * Where the demo values live for later `demo:credentials` calls: the database keeps only hashes.
 * The file sits beside the SQLite file (or under .data/ for PostgreSQL), readable by its owner only.
 */
export function demoCredentialsFile(databaseUrl: string): string {
  if (dialectOf(databaseUrl) === "sqlite") return `${sqliteFilePath(databaseUrl)}.demo-credentials.json`;
  return path.join(repoRoot, ".data", `demo-credentials-${sha256(databaseUrl).slice(0, 12)}.json`);
}

function readSaved(file: string): DemoCredentials | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoCredentials;
  } catch {
    return undefined;
  }
}

async function savedStillValid(db: Db, saved: DemoCredentials): Promise<boolean> {
  const admin = await db.user.findUnique({ where: { email: saved.adminEmail } });
  if (!admin || !(await verifyPassword(admin.passwordHash, saved.adminPassword))) return false;
  const secret = await db.clientSecret.findFirst({
    where: {
      clientId: saved.clientId,
      revokedAt: null,
      domainLinks: { some: { domain: { publicId: saved.domainId } } },
    },
    select: { secretHash: true },
    orderBy: { createdAt: "desc" },
  });
  return secret !== null && digestsEqual(secret.secretHash, sha256(saved.clientSecret));
}

/**
 * Makes sure the demo admin and demo client exist and returns their credentials.
 * `created` is true when new values were made (first start, or the saved ones no longer match).
 */
export async function ensureDemoData(
  db: Db,
  config: Config,
): Promise<{ credentials: DemoCredentials; created: boolean }> {
  const file = demoCredentialsFile(config.databaseUrl);
  const apiUrl = apiBaseUrl(config);
  const saved = readSaved(file);
  if (saved && (await savedStillValid(db, saved))) return { credentials: { ...saved, apiUrl }, created: false };

  const adminPassword = randomToken(12);
  const passwordHash = await hashPassword(adminPassword);
  const admin = await db.user.upsert({
    where: { email: DEMO_ADMIN_EMAIL },
    create: {
      email: DEMO_ADMIN_EMAIL,
      emailVerified: true,
      name: "Demo Admin",
      givenName: "Demo",
      familyName: "Admin",
      sub: newSub(),
      passwordHash,
      plan: "PAID",
      platformRole: "ADMIN",
    },
    update: { passwordHash },
  });

  const client =
    (await db.client.findFirst({ where: { ownerId: admin.id, name: DEMO_CLIENT_NAME } })) ??
    (await db.$transaction(async (tx) => {
      const created = await tx.client.create({
        data: { name: DEMO_CLIENT_NAME, ownerId: admin.id, verification: "VERIFIED" },
      });
      // The same built-in roles and Owner membership as a client created in the dashboard.
      await createBuiltInRoles(tx, created.id, admin.id);
      return created;
    }));

  const domain = await db.domain.upsert({
    where: { clientId_rootDomain: { clientId: client.id, rootDomain: DEMO_DOMAIN } },
    create: {
      clientId: client.id,
      rootDomain: DEMO_DOMAIN,
      publicId: newDomainPublicId(),
      internalName: "Local development",
      allowLogin: true,
      allowApi: true,
      active: true,
      primary: true,
      // The demo's loopback domain cannot publish a DNS record or file; the seed vouches for it (README).
      ownershipVerified: true,
    },
    update: {},
  });

  // The demo client works as an OpenID Connect client out of the box (loopback callbacks match any port).
  for (const url of DEMO_CALLBACK_URLS) {
    await db.domainUrl.upsert({
      where: { domainId_kind_url: { domainId: domain.id, kind: "CALLBACK", url } },
      create: { domainId: domain.id, kind: "CALLBACK", url },
      update: {},
    });
  }

  const scopes = await db.scope.findMany({ where: { key: { in: SCOPE_CATALOGUE.map((scope) => scope.key) } } });
  for (const scope of scopes) {
    await db.clientScope.upsert({
      where: { clientId_scopeId: { clientId: client.id, scopeId: scope.id } },
      create: { clientId: client.id, scopeId: scope.id },
      update: {},
    });
  }

  const secret = newClientSecret();
  await db.clientSecret.create({
    data: {
      clientId: client.id,
      label: DEMO_SECRET_LABEL,
      secretHash: secret.secretHash,
      prefix: secret.prefix,
      createdById: admin.id,
      domainLinks: { create: [{ domainId: domain.id }] },
    },
  });

  const credentials: DemoCredentials = {
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword,
    clientId: client.id,
    clientSecret: secret.value,
    domain: DEMO_DOMAIN,
    domainId: domain.publicId,
    apiUrl,
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { credentials, created: true };
}

export function demoBanner(credentials: DemoCredentials, publicUrl: string): string {
  return [
    "",
    "  Gatehouse demo data (shown once; `pnpm --silent demo:credentials` prints it again)",
    `  Admin sign-in   ${publicUrl}/signin`,
    `    e-mail        ${credentials.adminEmail}`,
    `    password      ${credentials.adminPassword}`,
    `  Demo client     ${credentials.clientId}`,
    `    secret        ${credentials.clientSecret}`,
    `    domain        ${credentials.domain} (domain ID ${credentials.domainId})`,
    `    API base URL  ${credentials.apiUrl}`,
    "",
  ].join("\n");
}
