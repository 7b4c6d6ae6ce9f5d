import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// With engine "js" the engine library is never loaded; naming a file stops the CLI from downloading one.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";

const root = path.resolve(import.meta.dirname, "..");

/** The PostgreSQL twin of prisma.config.ts: same model, derived schema (see src/db/derive-postgres.ts). */
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/postgresql/schema.prisma"),
  migrations: { path: path.join(root, "prisma/postgresql/migrations") },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
