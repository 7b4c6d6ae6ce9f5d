import type { Db } from "../../db/client.js";
import type { User } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import { randomToken } from "../auth/crypto.js";
import type { ServiceContext } from "../context.js";
import { type ImageRules, reencodeImage } from "../image/image.js";
import { accountOwner } from "./account-caller.js";

/** 2 MB and 40 megapixels in, a 512 × 512 WebP out: enough for any avatar, small enough to serve from the database. */
export const PROFILE_PICTURE_RULES: ImageRules = {
  field: "picture",
  maxBytes: 2 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 512,
  fit: "square",
};

/** The public, absolute URL of an uploaded picture: what the `picture` claim carries. */
export const pictureUrl = (publicUrl: string, id: string) => `${publicUrl}/pictures/${id}.webp`;

/** Re-encodes the upload and makes it the person's picture; the previous upload is deleted. */
export async function uploadProfilePicture({ ctx, bytes }: { ctx: ServiceContext; bytes: Uint8Array }): Promise<User> {
  const viewer = accountOwner(ctx);
  const image = await reencodeImage(bytes, PROFILE_PICTURE_RULES);
  const id = randomToken(16);
  const url = pictureUrl(ctx.config.publicUrl, id);
  return audited(ctx, null, async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { picture: true } });
    await tx.userPicture.deleteMany({ where: { userId: viewer.id } });
    await tx.userPicture.create({
      data: { id, userId: viewer.id, data: new Uint8Array(image.data), contentType: image.contentType },
    });
    const after = await tx.user.update({ where: { id: viewer.id }, data: { picture: url } });
    return {
      result: after,
      action: "profile.picture_uploaded",
      targetType: "User",
      targetId: viewer.id,
      before: { picture: before.picture },
      after: { picture: url, width: image.width, height: image.height, bytes: image.data.byteLength },
    };
  });
}

/** Removes the person's picture, uploaded or linked. */
export async function removeProfilePicture({ ctx }: { ctx: ServiceContext }): Promise<User> {
  const viewer = accountOwner(ctx);
  return audited(ctx, null, async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { picture: true } });
    await tx.userPicture.deleteMany({ where: { userId: viewer.id } });
    const after = await tx.user.update({ where: { id: viewer.id }, data: { picture: null } });
    return {
      result: after,
      action: "profile.picture_removed",
      targetType: "User",
      targetId: viewer.id,
      before: { picture: before.picture },
    };
  });
}

/** An uploaded picture by its public id, for serving; null when there is none. */
export function storedPicture(db: Db, id: string) {
  return db.userPicture.findUnique({ where: { id }, select: { data: true, contentType: true } });
}
