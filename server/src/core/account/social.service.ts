import { z } from "zod";
import { Prisma, type Social } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { validate } from "../validate.js";
import { accountOwner } from "./account-caller.js";

const socialInput = z.object({
  platform: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, "Name the platform in at most 40 letters, digits, dots or dashes."),
  username: z
    .string()
    .trim()
    .min(1, "Enter your username on that platform.")
    .max(100, "Use at most 100 characters for the username."),
  url: z
    .url({ protocol: /^https$/, error: "The profile link must be an https:// URL." })
    .max(2048, "The profile link is too long.")
    .nullish(),
});

const alreadyLinked = (platform: string) => new ConflictError(`You already linked a ${platform} account.`);

export async function addSocial({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { platform: string; username: string; url?: string | null | undefined };
}): Promise<Social> {
  const viewer = accountOwner(ctx);
  const { platform, username, url } = validate(socialInput, input);
  const existing = await ctx.db.social.findUnique({ where: { userId_platform: { userId: viewer.id, platform } } });
  if (existing) throw alreadyLinked(platform);
  try {
    return await audited(ctx, null, async (tx) => {
      const social = await tx.social.create({ data: { userId: viewer.id, platform, username, url: url ?? null } });
      return {
        result: social,
        action: "social.added",
        targetType: "Social",
        targetId: social.id,
        after: { platform, username },
      };
    });
  } catch (error) {
    // Two requests racing past the check above meet the unique index instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyLinked(platform);
    throw error;
  }
}

export async function removeSocial({ ctx, socialId }: { ctx: ServiceContext; socialId: string }): Promise<Social> {
  const viewer = accountOwner(ctx);
  const social = await ctx.db.social.findFirst({ where: { id: socialId, userId: viewer.id } });
  if (!social) throw new NotFoundError("Social account not found.");
  return audited(ctx, null, async (tx) => {
    await tx.social.delete({ where: { id: social.id } });
    return {
      result: social,
      action: "social.removed",
      targetType: "Social",
      targetId: social.id,
      before: { platform: social.platform, username: social.username },
    };
  });
}
