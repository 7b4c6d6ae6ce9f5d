import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printedSchema } from "./print-schema.js";

describe("src/graphql/schema", () => {
  it("matches the committed server/schema.graphql (run `pnpm --filter @gatehouse/server schema:print`)", () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, "../../schema.graphql"), "utf8");
    expect(printedSchema()).toBe(committed);
  });
});
