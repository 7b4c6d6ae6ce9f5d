// The `gatehouse` commands: each declares its arguments, help text and what it does.
import path from "node:path";
import { backupSqlite, restoreSqlite } from "../db/backup.js";
import { migrationStatus } from "../db/migration-status.js";
import {
  createAdminLink,
  listClients,
  revokeSecret,
  revokeUserSessions,
  setUserDisabled,
} from "../operator/operator.service.js";
import type { CommandContext } from "./run.js";

export type Command = {
  usage: string;
  summary: string;
  /** Named options taking a value (`--email x`). */
  options?: Record<string, string>;
  /** Positional arguments, all required. */
  positionals?: string[];
  needsDatabase: boolean;
  run: (ctx: CommandContext) => Promise<{ data: unknown; text: string }>;
};

/** Relative paths are the operator's, not the package's: pnpm runs scripts from server/. */
const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export const commands: Record<string, Command> = {
  "admin create": {
    usage: "admin create --email <address>",
    summary: "Print a single-use link (1 hour) that makes this account, new or existing, a platform admin.",
    options: { email: "the account's e-mail address" },
    needsDatabase: true,
    run: async ({ db, config, options }) => {
      const link = await createAdminLink(db(), config.publicUrl, options.email ?? "");
      const what = link.existingAccount ? "sets a new password for the existing account" : "creates the account";
      return {
        data: link,
        text: `Single-use link for ${link.email} (${what} and makes it ADMIN), valid until ${link.expiresAt.toISOString()}:\n  ${link.url}`,
      };
    },
  },
  "user disable": {
    usage: "user disable <email | sub | id>",
    summary: "Disable an account: its sessions end, it cannot sign in, partners no longer find it.",
    positionals: ["user"],
    needsDatabase: true,
    run: async ({ db, positionals }) => {
      const user = await setUserDisabled(db(), positionals[0] ?? "", true);
      return { data: user, text: `Disabled ${user.email}; ended ${user.sessionsEnded} session(s).` };
    },
  },
  "user enable": {
    usage: "user enable <email | sub | id>",
    summary: "Enable a disabled account again.",
    positionals: ["user"],
    needsDatabase: true,
    run: async ({ db, positionals }) => {
      const user = await setUserDisabled(db(), positionals[0] ?? "", false);
      return { data: user, text: `Enabled ${user.email}.` };
    },
  },
  "user sessions revoke": {
    usage: "user sessions revoke <email | sub | id>",
    summary: "End every session of an account (it can sign in again).",
    positionals: ["user"],
    needsDatabase: true,
    run: async ({ db, positionals }) => {
      const user = await revokeUserSessions(db(), positionals[0] ?? "");
      return { data: user, text: `Ended ${user.sessionsEnded} session(s) of ${user.email}.` };
    },
  },
  "client list": {
    usage: "client list",
    summary: "List every client with its owner, domains and number of active secrets.",
    needsDatabase: true,
    run: async ({ db }) => {
      const clients = await listClients(db());
      const lines = clients.map(
        (c) =>
          `${c.id}  ${c.name}  owner ${c.owner}  ${c.verification}  domains ${c.domains.join(",") || "-"}  secrets ${c.activeSecrets}`,
      );
      return { data: { clients }, text: lines.length ? lines.join("\n") : "No clients." };
    },
  },
  "secret revoke": {
    usage: "secret revoke <secret-id>",
    summary: "Revoke a client secret at once (for a leaked secret).",
    positionals: ["secret-id"],
    needsDatabase: true,
    run: async ({ db, positionals }) => {
      const secret = await revokeSecret(db(), positionals[0] ?? "");
      return { data: secret, text: `Revoked secret ${secret.id} (${secret.prefix}…) of client ${secret.clientId}.` };
    },
  },
  "db status": {
    usage: "db status",
    summary: "Show applied and pending migrations (what the next start will apply) and unknown newer ones.",
    needsDatabase: false,
    run: async ({ config }) => {
      const status = await migrationStatus(config.databaseUrl);
      const text = [
        `Database (${status.dialect}): ${status.applied.length} applied, ${status.pending.length} pending, ${status.unknown.length} unknown.`,
        ...status.applied.map((m) => `  applied  ${m.name}  ${m.finishedAt}`),
        ...status.pending.map((name) => `  pending  ${name}`),
        ...status.unknown.map((name) => `  unknown  ${name}  (from a newer Gatehouse: this version refuses to start)`),
      ].join("\n");
      return { data: status, text };
    },
  },
  "db backup": {
    usage: "db backup <file>",
    summary: "Copy the SQLite database to a new file while the server keeps serving (online backup).",
    positionals: ["file"],
    needsDatabase: false,
    run: async ({ config, positionals }) => {
      const result = await backupSqlite(config.databaseUrl, fromCaller(positionals[0] ?? ""));
      return { data: result, text: `Backed up to ${result.file} (${result.bytes} bytes).` };
    },
  },
  "db restore": {
    usage: "db restore <file>",
    summary: "Replace the SQLite database with a backup; refused while any server serves the database.",
    positionals: ["file"],
    needsDatabase: false,
    run: async ({ config, positionals }) => {
      const result = await restoreSqlite(config.databaseUrl, fromCaller(positionals[0] ?? ""));
      return {
        data: result,
        text: `Restored ${result.file} (${result.migrations} migration(s) applied in the backup).`,
      };
    },
  },
};
