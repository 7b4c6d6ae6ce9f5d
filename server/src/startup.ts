import type { Config } from "./config.js";
import { ensureFirstAdminLink, type SetupLink } from "./core/admin-setup/setup-link.js";
import { type Database, type DatabaseOptions, openDatabase } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { withStartupLock } from "./db/startup-lock.js";
import { type DemoCredentials, ensureDemoData } from "./seed/demo.js";
import { seedReferenceData } from "./seed/seed.js";

export type PreparedDatabase = Database & {
  applied: string[];
  demo: { credentials: DemoCredentials; created: boolean } | undefined;
  /** Set once: the first production start on a database without platform staff. */
  setupLink: (SetupLink & { file: string }) | undefined;
};

/** Migrates, seeds the reference data and (when asked) the demo, once across instances starting together. */
export function prepareDatabase(
  config: Config,
  { demo, ...options }: { demo: boolean } & DatabaseOptions,
): Promise<PreparedDatabase> {
  return withStartupLock(config.databaseUrl, async () => {
    const { applied } = await migrate(config.databaseUrl);
    const database = openDatabase(config.databaseUrl, {
      sqliteSynchronous: config.sqliteSynchronous,
      hotPoolSize: config.databaseHotPoolSize,
      ...options,
    });
    try {
      await seedReferenceData(database.db);
      const demoData = demo ? await ensureDemoData(database.db, config) : undefined;
      // Inside the startup lock, so instances starting together print one link between them.
      const setupLink = config.env === "production" ? await ensureFirstAdminLink(database.db, config) : undefined;
      return { ...database, applied, demo: demoData, setupLink };
    } catch (error) {
      await database.close();
      throw error;
    }
  });
}
