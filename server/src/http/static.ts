import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { repoRoot } from "../db/url.js";

/** Serves the built SPA, with index.html for every client-side route. */
export function mountSpa(app: Hono, webDist = path.join(repoRoot, "web/dist")): void {
  const indexFile = path.join(webDist, "index.html");
  if (!existsSync(indexFile)) {
    app.get("*", (c) => c.text("The web app is not built yet: run `pnpm build`, then restart Gatehouse.", 503));
    return;
  }
  const indexHtml = readFileSync(indexFile, "utf8");
  app.use("/assets/*", serveStatic({ root: path.relative(process.cwd(), webDist) }));
  app.get("*", serveStatic({ root: path.relative(process.cwd(), webDist) }));
  app.get("*", (c) => c.html(indexHtml));
}
