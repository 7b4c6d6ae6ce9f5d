import type { Hono } from "hono";
import {
  CLIENT_LOGO_RULES,
  logoUrl,
  removeClientLogo,
  storedLogo,
  uploadClientLogo,
} from "../core/client/logo.service.js";
import type { Client } from "../generated/prisma/client.js";
import { asSignedIn, type ImageRouteDeps, imageSizeLimit, serveStoredImage } from "./image-routes.js";

/**
 * A client's logo: `PUT /clients/<id>/logo` takes the image file as the raw body (its bytes decide the
 * type), `DELETE` removes it, and `GET /logos/<id>.webp` serves it to anyone, as the consent screen needs.
 */
export function mountClientLogo(app: Hono, deps: ImageRouteDeps): void {
  const currentLogo = (client: Client) => ({
    logoUrl: client.logoId ? logoUrl(deps.config.publicUrl, client.logoId) : null,
  });
  app.put("/clients/:clientId/logo", imageSizeLimit(CLIENT_LOGO_RULES.maxBytes, "logo"), async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const clientId = c.req.param("clientId");
    return asSignedIn(c, deps, (ctx) => uploadClientLogo({ ctx, clientId, bytes }), currentLogo);
  });
  app.delete("/clients/:clientId/logo", (c) =>
    asSignedIn(c, deps, (ctx) => removeClientLogo({ ctx, clientId: c.req.param("clientId") }), currentLogo),
  );
  app.get("/logos/:file", (c) => serveStoredImage(c, (id) => storedLogo(deps.db, id), "No such logo."));
}
