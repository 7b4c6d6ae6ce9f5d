import type { Hono } from "hono";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { migrationsDirs, readMigrations } from "../db/migrations.js";
import { dialectOf } from "../db/url.js";

/** Whether the database answers and has every migration this build ships. */
export async function readiness(db: Db, config: Pick<Config, "databaseUrl">): Promise<string | null> {
  const expected = readMigrations(migrationsDirs[dialectOf(config.databaseUrl)]).map((migration) => migration.name);
  let applied: Set<string>;
  try {
    await db.$queryRawUnsafe("SELECT 1");
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return "database unavailable";
  }
  const pending = expected.filter((name) => !applied.has(name));
  return pending.length ? `${pending.length} migration(s) not applied` : null;
}

/** /healthz: the process is up. /readyz: it can serve (database answers, migrations applied). */
export function mountHealth(app: Hono, db: Db, config: Config): void {
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const problem = await readiness(db, config);
    return problem ? c.json({ status: "unavailable", reason: problem }, 503) : c.json({ status: "ready" });
  });
}
