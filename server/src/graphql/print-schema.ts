import { writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema.js";

/** The committed SDL; a test fails when it drifts from the code. */
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  writeFileSync(path.resolve(import.meta.dirname, "../../schema.graphql"), printedSchema());
  console.log("Wrote server/schema.graphql");
}
