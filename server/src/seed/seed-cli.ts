import { loadConfig } from "../config.js";
import { prepareDatabase } from "../startup.js";
import { demoBanner } from "./demo.js";

const config = loadConfig();
const { close, demo } = await prepareDatabase(config, { demo: config.seedDemo });
if (demo) console.log(demo.created ? demoBanner(demo.credentials, config.publicUrl) : "Demo data is present.");
console.log("Seed complete.");
await close();
