import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgresHotSql } from "../src/db/hot/sql.js";
import { freshDatabase } from "./databases.js";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe("test/hot-path-reconnect: the PostgreSQL pool outlives connections the server ends", () => {
  it("answers again after every idle connection was terminated, and close waits for its connections", async () => {
    const database = await freshDatabase("postgresql");
    cleanups.push(() => database.drop());
    const hot = openPostgresHotSql(database.url, 4);
    await Promise.all([1, 2, 3].map(() => hot.all("SELECT pg_sleep(0.05)", [])));
    expect(hot.poolStats().idle).toBeGreaterThan(0);

    // What a PostgreSQL restart or an administrator does to idle connections.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const terminated = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();
    expect(terminated.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // The process is still here (an unhandled 'error' would have ended the run), and the pool reconnects.
    expect(await hot.all("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    await hot.close();
    expect(hot.poolStats().total).toBe(0);
  });
});
