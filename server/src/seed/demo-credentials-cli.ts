import { loadConfig } from "../config.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db.js";
import { ensureDemoData } from "./demo.js";
import { seedReferenceData } from "./seed.js";

const config = loadConfig();
if (config.env === "production") {
  console.error("demo:credentials is not available in production mode.");
  process.exit(1);
}
await migrate(config.databaseUrl);
const { db, close } = openDatabase(config.databaseUrl);
try {
  await seedReferenceData(db);
  const { credentials } = await ensureDemoData(db, config);
  process.stdout.write(`${JSON.stringify(credentials)}\n`);
} finally {
  await close();
}
