import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // Pothos loads graphql's CommonJS build; our code must use that same instance, not the .mjs one.
  resolve: { alias: { graphql: require.resolve("graphql") } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
    // scripts/test.sh asks for a JSON report too, to print one summary line for the whole suite.
    ...(process.env.TEST_JSON_REPORT
      ? { reporters: ["default", "json"], outputFile: { json: process.env.TEST_JSON_REPORT } }
      : {}),
  },
});
