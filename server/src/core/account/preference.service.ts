import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import type { ServiceContext } from "../context.js";
import { validate } from "../validate.js";
import { accountOwner } from "./account-caller.js";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The person's theme; "system" (follow the device) until they pick one. */
export async function themeOf(ctx: Pick<ServiceContext, "db">, userId: string): Promise<Theme> {
  const preference = await ctx.db.userPreference.findUnique({ where: { userId }, select: { theme: true } });
  return (THEMES as readonly string[]).includes(preference?.theme ?? "") ? (preference?.theme as Theme) : "system";
}

/** Remembers the theme for the account, on every device. A look, not an access change: no audit event. */
export async function setTheme({ ctx, ...input }: { ctx: ServiceContext; theme: string }): Promise<User> {
  const viewer = accountOwner(ctx);
  const { theme } = validate(z.object({ theme: z.enum(THEMES, "Pick system, light or dark.") }), input);
  await ctx.db.userPreference.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, theme },
    update: { theme },
  });
  return viewer;
}
