import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../db/client.js";
import { dialectOf, repoRoot, sqliteFilePath } from "../../db/url.js";
import { randomToken, sha256 } from "../auth/crypto.js";

export const SETUP_LINK_TTL_MS = 60 * 60 * 1000;

export type SetupLink = { url: string; expiresAt: Date; email: string | null };

/** The SPA reads the token from the fragment, so it never reaches a server log or a Referer. */
export const setupLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/setup#token=${token}`;

/** Where the first-start link is written: beside the SQLite file, or under `.data/` for PostgreSQL. */
export function setupLinkFile(databaseUrl: string): string {
  if (dialectOf(databaseUrl) === "sqlite") return `${sqliteFilePath(databaseUrl)}.setup-link.txt`;
  return path.join(repoRoot, ".data", `setup-link-${sha256(databaseUrl).slice(0, 12)}.txt`);
}

/** A new single-use link; only the token's hash is stored. `email` fixes the account it is for. */
export async function createSetupLink(db: Db, publicUrl: string, email: string | null = null): Promise<SetupLink> {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + SETUP_LINK_TTL_MS);
  await db.adminSetupLink.create({ data: { tokenHash: sha256(token), email, expiresAt } });
  return { url: setupLinkUrl(publicUrl, token), expiresAt, email };
}

/** Platform staff or admins who can act: with none, the installation has no way in. */
export function countPlatformStaff(db: Db): Promise<number> {
  return db.user.count({ where: { platformRole: { in: ["ADMIN", "STAFF"] }, disabledAt: null } });
}

/**
 * First production start on a database without staff: creates the one setup link and writes it to
 * an owner-only file. Returns undefined (prints nothing) when staff exist or a first-start link is
 * still live; an expired unused link needs `gatehouse admin create`.
 */
export async function ensureFirstAdminLink(
  db: Db,
  config: { databaseUrl: string; publicUrl: string },
): Promise<(SetupLink & { file: string }) | undefined> {
  if ((await countPlatformStaff(db)) > 0) return undefined;
  if ((await db.adminSetupLink.count({ where: { email: null } })) > 0) return undefined;
  const link = await createSetupLink(db, config.publicUrl);
  const file = setupLinkFile(config.databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  writeFileSync(file, `${link.url}\nexpires ${link.expiresAt.toISOString()}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { ...link, file };
}

export type SetupLinkState =
  | { state: "valid"; id: string; email: string | null; expiresAt: Date }
  | { state: "used" | "expired" | "unknown" };

export async function setupLinkState(db: Pick<Db, "adminSetupLink">, token: string): Promise<SetupLinkState> {
  const link = token ? await db.adminSetupLink.findUnique({ where: { tokenHash: sha256(token) } }) : null;
  if (!link) return { state: "unknown" };
  if (link.usedAt) return { state: "used" };
  if (link.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", id: link.id, email: link.email, expiresAt: link.expiresAt };
}
