import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { sqliteFilePath } from "./src/db/url.js";

// With engine "js" the engine library is never loaded; naming a file stops the CLI from downloading one.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFilePath(process.env.DATABASE_URL) }),
});
