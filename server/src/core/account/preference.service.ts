import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import type { ServiceContext } from "../context.js";
import { validate } from "../validate.js";
import { accountOwner } from "./account-caller.js";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The languages Gatehouse's pages and mails speak. */
export const LANGUAGES = ["en", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

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

/** The person's language; null (follow the browser) until they pick one. */
export async function languageOf(ctx: Pick<ServiceContext, "db">, userId: string): Promise<Language | null> {
  const preference = await ctx.db.userPreference.findUnique({ where: { userId }, select: { language: true } });
  const language = preference?.language ?? null;
  return (LANGUAGES as readonly string[]).includes(language ?? "") ? (language as Language) : null;
}

/** Remembers the language for the account, on every device; null goes back to the browser's. No audit event. */
export async function setLanguage({ ctx, ...input }: { ctx: ServiceContext; language: string | null }): Promise<User> {
  const viewer = accountOwner(ctx);
  const { language } = validate(z.object({ language: z.enum(LANGUAGES, "Pick English or Dutch.").nullable() }), input);
  await ctx.db.userPreference.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, language },
    update: { language },
  });
  return viewer;
}
