import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../config.js";
import { BackupError } from "../db/backup.js";
import { type Database, type Db, openDatabase } from "../db/client.js";
import { migrationStatus } from "../db/migration-status.js";
import { OperatorError } from "../operator/operator.service.js";
import { type Command, commands } from "./commands.js";

export type CommandContext = {
  config: Config;
  db: () => Db;
  options: Record<string, string | undefined>;
  positionals: string[];
};

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

class UsageError extends Error {}

function overview(): string {
  const rows = Object.values(commands).map((command) => `  ${command.usage.padEnd(42)} ${command.summary}`);
  return [
    "Usage: pnpm gatehouse <command> [--json] [--help]",
    "",
    "Commands:",
    ...rows,
    "",
    "Exit codes: 0 done, 1 refused or failed, 2 wrong usage.",
  ].join("\n");
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options ?? {}).map(([name, text]) => `  --${name} <value>  ${text}`);
  return [
    `Usage: pnpm gatehouse ${command.usage} [--json]`,
    "",
    command.summary,
    "",
    ...options,
    "  --json           print the result as one JSON object",
    "  --help           show this help",
  ].join("\n");
}

/** The longest command name the arguments start with ("user sessions revoke" before "user"). */
function findCommand(args: string[]): { name: string; rest: string[] } | undefined {
  for (let words = 3; words >= 1; words--) {
    const name = args.slice(0, words).join(" ");
    if (commands[name]) return { name, rest: args.slice(words) };
  }
  return undefined;
}

type Output = { stdout: string; stderr: string; code: number };

/** Runs one CLI invocation; never throws, never exits (the caller does). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<Output> {
  const json = argv.includes("--json");
  const fail = (code: number, kind: string, message: string): Output => ({
    stdout: json ? `${JSON.stringify({ ok: false, error: { code: kind, message } })}\n` : "",
    stderr: json ? "" : `${message}\n${code === EXIT.usage ? "Run `pnpm gatehouse --help` for usage.\n" : ""}`,
    code,
  });
  const found = findCommand(argv);
  if (!found) {
    if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) {
      return { stdout: `${overview()}\n`, stderr: "", code: argv.length === 0 ? EXIT.usage : EXIT.ok };
    }
    return fail(EXIT.usage, "usage", `Unknown command: ${argv.filter((a) => !a.startsWith("-")).join(" ")}`);
  }
  const command = commands[found.name] as Command;
  let database: Database | undefined;
  try {
    const parsed = parseArgs({
      args: found.rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(Object.keys(command.options ?? {}).map((name) => [name, { type: "string" as const }])),
      },
    });
    if (parsed.values.help) return { stdout: `${commandHelp(command)}\n`, stderr: "", code: EXIT.ok };
    const expected = command.positionals ?? [];
    if (parsed.positionals.length !== expected.length) {
      throw new UsageError(
        parsed.positionals.length < expected.length
          ? `Missing argument: <${expected[parsed.positionals.length]}>. Usage: ${command.usage}`
          : `Too many arguments. Usage: ${command.usage}`,
      );
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    for (const name of Object.keys(command.options ?? {})) {
      if (typeof values[name] !== "string" || values[name] === "")
        throw new UsageError(`Missing option --${name}. Usage: ${command.usage}`);
    }
    const config = loadConfig(env);
    if (command.needsDatabase) {
      const status = await migrationStatus(config.databaseUrl);
      if (status.pending.length || status.unknown.length) {
        throw new OperatorError(
          "invalid",
          `The database is not at this version's schema (${status.pending.length} pending, ${status.unknown.length} unknown migration(s)); see \`pnpm gatehouse db status\`.`,
        );
      }
    }
    const result = await command.run({
      config,
      db: () => {
        database ??= openDatabase(config.databaseUrl, { poolSize: 1, sqliteSynchronous: config.sqliteSynchronous });
        return database.db;
      },
      options: Object.fromEntries(
        Object.keys(command.options ?? {}).map((name) => [name, values[name] as string | undefined]),
      ),
      positionals: parsed.positionals,
    });
    return {
      stdout: json ? `${JSON.stringify({ ok: true, data: result.data })}\n` : `${result.text}\n`,
      stderr: "",
      code: EXIT.ok,
    };
  } catch (error) {
    if (error instanceof UsageError) return fail(EXIT.usage, "usage", error.message);
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      return fail(EXIT.usage, "usage", `${error.message}. Usage: ${command.usage}`);
    }
    if (error instanceof OperatorError) return fail(EXIT.failure, error.code, error.message);
    if (error instanceof BackupError) return fail(EXIT.failure, "refused", error.message);
    return fail(EXIT.failure, "error", (error as Error).message);
  } finally {
    await database?.close();
  }
}
