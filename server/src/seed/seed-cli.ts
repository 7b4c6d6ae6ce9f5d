import { loadConfig } from "../config.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db.js";
import { demoBanner, ensureDemoData } from "./demo.js";
import { seedReferenceData } from "./seed.js";

const config = loadConfig();
await migrate(config.databaseUrl);
const { db, close } = openDatabase(config.databaseUrl);
try {
  await seedReferenceData(db);
  if (config.seedDemo) {
    const { credentials, created } = await ensureDemoData(db, config);
    console.log(created ? demoBanner(credentials, config.publicUrl) : "Demo data is present.");
  }
  console.log("Seed complete.");
} finally {
  await close();
}
