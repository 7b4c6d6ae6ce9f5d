/**
 * `pnpm fuzz [--runs N] [--seed S] [--db sqlite|postgresql]`: the hostile-input fuzzer against a real
 * server on a fresh database; prints its seed, so any run can be replayed exactly.
 */
import { parseArgs } from "node:util";
import { startTestServer } from "../harness.js";
import { runFuzz } from "./run.js";

const { values } = parseArgs({
  // pnpm passes a leading "--" through when scripts forward arguments.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    runs: { type: "string", default: "1000" },
    seed: { type: "string" },
    db: { type: "string", default: "sqlite" },
  },
});
if (values.db !== "sqlite" && values.db !== "postgresql") throw new Error("--db is sqlite or postgresql");
process.env.GATEHOUSE_TEST_DATABASE = values.db;
process.env.NODE_ENV = "test";
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const runs = Number(values.runs);
console.log(`pnpm fuzz --runs ${runs} --seed ${seed} --db ${values.db}`);

const server = await startTestServer();
const started = Date.now();
try {
  const tally = await runFuzz(server, { runs, seed });
  const { failures, ...counts } = tally;
  console.log(JSON.stringify(counts));
  for (const failure of failures) console.log(`  ${failure.problem}\n    case ${failure.case}`);
  console.log(`${runs} cases, ${tally.requests} requests in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await server.close();
}
