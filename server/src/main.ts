import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { schedulePurge } from "./maintenance/purge-expired.js";
import { demoBanner, demoCredentialsFile } from "./seed/demo.js";
import { prepareDatabase } from "./startup.js";

const config = loadConfig();
const { db, close, applied, demo } = await prepareDatabase(config, { demo: config.seedDemo });
if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
if (demo?.created) {
  // Production never prints credentials; an operator who asked for demo data finds them in the file.
  console.log(
    config.env === "production"
      ? `Demo data created; its credentials are in ${demoCredentialsFile(config.databaseUrl)}`
      : demoBanner(demo.credentials, config.publicUrl),
  );
}

const app = createApp({ db, config });
const stopPurge = schedulePurge(db);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Gatehouse is listening on http://${info.address}:${info.port} (public URL ${config.publicUrl})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopPurge();
    server.close(() => void close().then(() => process.exit(0)));
  });
}
