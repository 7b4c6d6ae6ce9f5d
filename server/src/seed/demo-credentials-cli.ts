import { loadConfig } from "../config.js";
import { prepareDatabase } from "../startup.js";

const config = loadConfig();
if (config.env === "production") {
  console.error("demo:credentials is not available in production mode.");
  process.exit(1);
}
const { close, demo } = await prepareDatabase(config, { demo: true });
process.stdout.write(`${JSON.stringify(demo?.credentials)}\n`);
await close();
