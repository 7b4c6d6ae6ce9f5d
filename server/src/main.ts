import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { migrate } from "./db/migrate.js";
import { openDatabase } from "./db.js";
import { demoBanner, ensureDemoData } from "./seed/demo.js";
import { seedReferenceData } from "./seed/seed.js";

const config = loadConfig();
const { applied } = await migrate(config.databaseUrl);
if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

const { db, close } = openDatabase(config.databaseUrl);
await seedReferenceData(db);
if (config.seedDemo) {
  const { credentials, created } = await ensureDemoData(db, config);
  if (created) console.log(demoBanner(credentials, config.publicUrl));
}

const app = createApp({ db, config });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Gatehouse is listening on http://${info.address}:${info.port} (public URL ${config.publicUrl})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => void close().then(() => process.exit(0)));
  });
}
