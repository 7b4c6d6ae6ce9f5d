import { statSync } from "node:fs";
import type { Config } from "../config.js";
import { dialectOf, sqliteFilePath } from "../db/url.js";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

/** Permission bits of the SQLite file, or undefined for PostgreSQL or a file not yet created. */
export function sqliteFileMode(databaseUrl: string): number | undefined {
  if (dialectOf(databaseUrl) !== "sqlite") return undefined;
  try {
    return statSync(sqliteFilePath(databaseUrl)).mode;
  } catch {
    return undefined;
  }
}

/** Reasons not to start in production mode; empty when it is safe (or not production). */
export function productionProblems(
  config: Pick<
    Config,
    "env" | "host" | "publicUrl" | "databaseUrl" | "webhookAllowPrivate" | "domainProofAllowPrivate"
  >,
  sqliteMode: number | undefined,
): string[] {
  if (config.env !== "production") return [];
  const problems: string[] = [];
  if (new URL(config.publicUrl).protocol !== "https:" && !LOOPBACK_HOSTS.has(config.host)) {
    problems.push(
      `PUBLIC_URL must be https:// in production (got ${config.publicUrl}); sessions and secrets would cross the network in clear text.`,
    );
  }
  if (sqliteMode !== undefined && (sqliteMode & 0o004) !== 0) {
    problems.push(
      `The SQLite file ${sqliteFilePath(config.databaseUrl)} is readable by every user on this machine; run chmod 600 on it.`,
    );
  }
  if (config.webhookAllowPrivate) {
    problems.push(
      "WEBHOOK_ALLOW_PRIVATE=true lets any client's webhooks reach this machine and its private network; remove it in production.",
    );
  }
  if (config.domainProofAllowPrivate) {
    problems.push(
      "DOMAIN_PROOF_ALLOW_PRIVATE=true lets any client make this server fetch from its own private network; remove it in production.",
    );
  }
  return problems;
}
