import type { Db } from "../../db/client.js";
import type { Client } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import { randomToken } from "../auth/crypto.js";
import type { ServiceContext } from "../context.js";
import { type ImageRules, reencodeImage } from "../image/image.js";
import { requirePermission } from "./client-access.js";

/** 1 MB and 40 megapixels in, at most 256 × 256 out (proportions kept): what the consent screen shows. */
export const CLIENT_LOGO_RULES: ImageRules = {
  field: "logo",
  maxBytes: 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 256,
  fit: "inside",
};

/** The public, absolute URL of a client's uploaded logo. */
export const logoUrl = (publicUrl: string, id: string) => `${publicUrl}/logos/${id}.webp`;

/** Re-encodes the upload and makes it the client's logo; the previous one is deleted. Needs client:update. */
export async function uploadClientLogo({
  ctx,
  clientId,
  bytes,
}: {
  ctx: ServiceContext;
  clientId: string;
  bytes: Uint8Array;
}): Promise<Client> {
  await requirePermission(ctx, clientId, "client:update");
  const image = await reencodeImage(bytes, CLIENT_LOGO_RULES);
  const id = randomToken(16);
  return audited(ctx, clientId, async (tx) => {
    const before = await tx.client.findUniqueOrThrow({ where: { id: clientId }, select: { logoId: true } });
    await tx.clientLogo.deleteMany({ where: { clientId } });
    await tx.clientLogo.create({
      data: { id, clientId, data: new Uint8Array(image.data), contentType: image.contentType },
    });
    const after = await tx.client.update({ where: { id: clientId }, data: { logoId: id } });
    return {
      result: after,
      action: "client.logo_uploaded",
      targetType: "Client",
      targetId: clientId,
      before: { logo: before.logoId },
      after: { logo: id, width: image.width, height: image.height, bytes: image.data.byteLength },
    };
  });
}

/** Removes the client's logo; the consent screen shows its initial again. Needs client:update. */
export async function removeClientLogo({ ctx, clientId }: { ctx: ServiceContext; clientId: string }): Promise<Client> {
  await requirePermission(ctx, clientId, "client:update");
  return audited(ctx, clientId, async (tx) => {
    const before = await tx.client.findUniqueOrThrow({ where: { id: clientId }, select: { logoId: true } });
    await tx.clientLogo.deleteMany({ where: { clientId } });
    const after = await tx.client.update({ where: { id: clientId }, data: { logoId: null } });
    return {
      result: after,
      action: "client.logo_removed",
      targetType: "Client",
      targetId: clientId,
      before: { logo: before.logoId },
      after: { logo: null },
    };
  });
}

/** An uploaded logo by its public id, for serving; null when there is none. */
export function storedLogo(db: Db, id: string) {
  return db.clientLogo.findUnique({ where: { id }, select: { data: true, contentType: true } });
}
