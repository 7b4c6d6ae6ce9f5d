import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECT } from "./databases.js";
import { runFuzz } from "./fuzz/run.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// A new seed every run (FUZZ_SEED replays one); `pnpm fuzz --runs N --seed S` runs any number outside the suite.
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// About 2,000 requests: the multi-request kinds (keep-alive, limits) send several per case.
const runs = Number(process.env.FUZZ_RUNS ?? 900);

describe("test/fuzz-hostile: wrong types, ill-formed text, oversized bodies, bad Hosts and concurrent limits", () => {
  it(`hold every property (replay: pnpm fuzz --runs ${runs} --seed ${seed} --db ${TEST_DIALECT})`, async () => {
    const tally = await runFuzz(server, { runs, seed });
    const { failures, ...counts } = tally;
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(counts).toEqual({
      requests: counts.requests,
      fiveXx: 0,
      internal: 0,
      dropped: 0,
      malformed: 0,
      limitsExceeded: 0,
      changedOnRefusal: 0,
    });
    // Not vacuous: the run really sent its requests, more than one per case for the multi-request kinds.
    expect(counts.requests).toBeGreaterThanOrEqual(runs);
  }, 600_000);
});
