import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { startWebhookWorker } from "./core/webhook/webhook-worker.js";
import { markServing } from "./db/serving-marker.js";
import { createLogger } from "./http/logger.js";
import { createMetrics, metricsApp } from "./http/metrics.js";
import { productionProblems, sqliteFileMode } from "./http/production-check.js";
import { createHttpServer } from "./http/serve.js";
import { closeGracefully } from "./http/shutdown.js";
import { schedulePurge } from "./maintenance/purge-expired.js";
import { scheduleRateLimitPurge } from "./rate-limit/limiters.js";
import { demoBanner, demoCredentialsFile } from "./seed/demo.js";
import { prepareDatabase } from "./startup.js";

const config = loadConfig();
const logger = createLogger();
const { db, hot, close, applied, demo, setupLink } = await prepareDatabase(config, { demo: config.seedDemo });
const problems = productionProblems(config, sqliteFileMode(config.databaseUrl));
if (problems.length) {
  console.error(`Gatehouse refuses to start in production mode:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  await close();
  process.exit(1);
}
// `gatehouse db restore` refuses to replace a SQLite file while this marker names a live process.
const unmarkServing = markServing(config.databaseUrl);
if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
if (demo?.created) {
  // Production never prints credentials; an operator who asked for demo data finds them in the file.
  console.log(
    config.env === "production"
      ? `Demo data created; its credentials are in ${demoCredentialsFile(config.databaseUrl)}`
      : demoBanner(demo.credentials, config.publicUrl),
  );
}

if (setupLink) {
  console.log(
    `No platform admin yet. Create the first one within the hour with this single-use link (also in ${setupLink.file}):\n  ${setupLink.url}`,
  );
}

const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
const metrics = createMetrics(db, hot);
const app = createApp({
  db,
  config,
  logger,
  metrics,
  rateLimitStore: redis ? { kind: "redis", client: redis } : { kind: "database", db },
});
const stopPurge = schedulePurge(db, config);
const stopRateLimitPurge = scheduleRateLimitPurge(db, (error) =>
  logger.error("purging rate limits failed", { error: String(error) }),
);
const server = createHttpServer(app).listen(config.port, config.host, () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Gatehouse is listening on http://${address}:${port} (public URL ${config.publicUrl})`);
});
const webhooks = startWebhookWorker({ db, config });
// Metrics on their own port need no token: bind it where only the scraper reaches.
const metricsServer = config.metricsPort
  ? createHttpServer(metricsApp(metrics)).listen(config.metricsPort, config.host)
  : undefined;
closeGracefully(
  server,
  [
    () => metricsServer?.close(),
    stopPurge,
    stopRateLimitPurge,
    () => webhooks.stop(),
    () => redis?.quit(),
    close,
    unmarkServing,
  ],
  logger,
);
