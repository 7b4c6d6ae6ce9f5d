import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelinedConnections } from "../src/db/hot/pipelined.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";

describe.runIf(TEST_DIALECT === "postgresql")("test/hot-pipelined: statements pipelined over a few connections", () => {
  let database: FreshDatabase;
  beforeAll(async () => {
    database = await freshDatabase("postgresql");
  });
  afterAll(() => database.drop());

  it("answers each statement its own rows, in any order, over at most `max` connections", async () => {
    const connections = pipelinedConnections(database.url, 2);
    try {
      let largest = 0;
      const answers = await Promise.all(
        Array.from({ length: 40 }, async (_, index) => {
          // Later statements sleep less, so their answers come back while earlier ones are still running.
          const result = await connections.query({
            name: "echo",
            text: "SELECT $1::int AS n, pg_sleep($2::float8 / 1000) AS slept",
            values: [index, (40 - index) % 5],
          });
          largest = Math.max(largest, connections.stats().open);
          return result.rows[0].n as number;
        }),
      );
      expect(answers).toEqual(Array.from({ length: 40 }, (_, index) => index));
      expect(largest).toBe(2);
      expect(connections.stats()).toEqual({ open: 2, idle: 2 });
    } finally {
      await connections.close();
    }
    expect(connections.stats().open).toBe(0);
  });

  it("fails only the statement that failed, not those pipelined beside it", async () => {
    const connections = pipelinedConnections(database.url, 1);
    try {
      const outcomes = await Promise.allSettled([
        connections.query({ text: "SELECT 1 AS one" }),
        connections.query({ text: "SELECT 1 / $1::int AS broken", values: [0] }),
        connections.query({ text: "SELECT 3 AS three" }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect((outcomes[1] as PromiseRejectedResult).reason.message).toContain("division by zero");
      expect((outcomes[2] as PromiseFulfilledResult<pg.QueryResult>).value.rows).toEqual([{ three: 3 }]);
      expect(connections.stats().open).toBe(1);
    } finally {
      await connections.close();
    }
  });

  it("opens a connection again after the server ended it, and refuses statements once closed", async () => {
    const connections = pipelinedConnections(database.url, 1);
    const { rows } = await connections.query({ text: "SELECT pg_backend_pid() AS pid" });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
    await admin.end();
    // The connection notices the server's goodbye on its own; wait for that rather than for a fixed time.
    for (let tries = 0; tries < 100 && connections.stats().open > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(connections.stats().open).toBe(0);

    const again = await connections.query({ text: "SELECT pg_backend_pid() AS pid" });
    expect(again.rows[0].pid).not.toBe(rows[0].pid);
    await connections.close();
    await expect(connections.query({ text: "SELECT 1" })).rejects.toThrow("closed");
  });
});
