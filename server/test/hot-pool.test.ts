import { availableParallelism } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultHotPoolSize, openDatabase } from "../src/db/client.js";
import { isLocalDatabase } from "../src/db/url.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";

describe("test/hot-pool: how many PostgreSQL connections the hot path keeps", () => {
  it("knows a database on this machine from one elsewhere", () => {
    const places: [url: string, local: boolean][] = [
      ["postgresql://gatehouse@localhost/gatehouse", true],
      ["postgresql://gatehouse:pw@127.0.0.1:5432/gatehouse", true],
      ["postgres://gatehouse@[::1]:5432/gatehouse", true],
      ["postgresql://gatehouse@/gatehouse?host=/var/run/postgresql", true],
      ["postgresql://gatehouse@db.internal:5432/gatehouse", false],
      ["postgresql://gatehouse@10.0.0.5/gatehouse", false],
      ["postgresql://gatehouse@127.example.com/gatehouse", false],
      ["postgresql://gatehouse@db.internal/gatehouse?host=db2.internal", false],
    ];
    for (const [url, local] of places) {
      expect(isLocalDatabase(url), url).toBe(local);
      expect(defaultHotPoolSize(url), url).toBe(local ? availableParallelism() + 1 : 10);
    }
  });
});

describe.runIf(TEST_DIALECT === "postgresql")(
  "test/hot-pool (postgresql): the pool under concurrent statements",
  () => {
    let database: FreshDatabase;
    beforeAll(async () => {
      database = await freshDatabase("postgresql");
    });
    afterAll(() => database.drop());

    /** Runs `count` statements at once that each hold a connection for a moment; answers the pool's largest size. */
    async function busiest(options: Parameters<typeof openDatabase>[1], count: number): Promise<number> {
      const opened = openDatabase(database.url, options);
      try {
        let largest = 0;
        const statements = Array.from({ length: count }, () => opened.hot.all("SELECT pg_sleep(0.02) AS slept", []));
        const watch = setInterval(() => {
          largest = Math.max(largest, opened.hot.poolStats().total);
        }, 2);
        await Promise.all(statements);
        clearInterval(watch);
        return Math.max(largest, opened.hot.poolStats().total);
      } finally {
        await opened.close();
      }
    }

    it("opens as many connections as the default for its place, or as DATABASE_HOT_POOL_SIZE says, never more", async () => {
      expect(await busiest({}, 20)).toBe(defaultHotPoolSize(database.url));
      expect(await busiest({ hotPoolSize: 2 }, 20)).toBe(2);
      expect(await busiest({ hotPoolSize: 12 }, 20)).toBe(12);
    });
  },
);
