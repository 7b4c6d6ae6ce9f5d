import type { Hono } from "hono";
import {
  PROFILE_PICTURE_RULES,
  removeProfilePicture,
  storedPicture,
  uploadProfilePicture,
} from "../core/account/picture.service.js";
import type { ServiceContext } from "../core/context.js";
import { asSignedIn, type ImageRouteDeps, imageSizeLimit, serveStoredImage } from "./image-routes.js";

/** The person's picture claim after the change, as the account page shows it. */
const currentPicture = async (_result: unknown, ctx: ServiceContext) => {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.viewer?.id ?? "" }, select: { picture: true } });
  return { picture: user.picture };
};

/**
 * The profile picture: `PUT /account/picture` takes the image file as the raw body (any type: its bytes
 * decide), `DELETE` removes it, and `GET /pictures/<id>.webp` serves uploads to anyone, as the
 * `picture` claim promises partners.
 */
export function mountAccountPicture(app: Hono, deps: ImageRouteDeps): void {
  app.put("/account/picture", imageSizeLimit(PROFILE_PICTURE_RULES.maxBytes, "picture"), async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return asSignedIn(c, deps, (ctx) => uploadProfilePicture({ ctx, bytes }), currentPicture);
  });
  app.delete("/account/picture", (c) => asSignedIn(c, deps, (ctx) => removeProfilePicture({ ctx }), currentPicture));
  app.get("/pictures/:file", (c) => serveStoredImage(c, (id) => storedPicture(deps.db, id), "No such picture."));
}
