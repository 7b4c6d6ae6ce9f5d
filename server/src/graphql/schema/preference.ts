// The person's own look of Gatehouse: the theme and the language, remembered per account.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import {
  LANGUAGES,
  languageOf,
  setLanguage,
  setTheme,
  THEMES,
  themeOf,
} from "../../core/account/preference.service.js";
import { ForbiddenError, NotAuthenticatedError, ValidationError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { UserType } from "./user.js";

const ThemeEnum = builder.enumType("Theme", {
  description: "SYSTEM follows the device's light or dark setting.",
  values: Object.fromEntries(THEMES.map((theme) => [theme.toUpperCase(), { value: theme }])) as Record<
    "SYSTEM" | "LIGHT" | "DARK",
    { value: (typeof THEMES)[number] }
  >,
});

const LanguageEnum = builder.enumType("Language", {
  description: "A language Gatehouse's pages and mails speak: EN (English) or NL (Dutch).",
  values: Object.fromEntries(LANGUAGES.map((language) => [language.toUpperCase(), { value: language }])) as Record<
    "EN" | "NL",
    { value: (typeof LANGUAGES)[number] }
  >,
});

builder.prismaObjectField("User", "theme", (t) =>
  t.field({ type: ThemeEnum, authScopes: ownAccountOnly, resolve: (user, _args, ctx) => themeOf(ctx, user.id) }),
);

builder.prismaObjectField("User", "language", (t) =>
  t.field({
    type: LanguageEnum,
    nullable: true,
    description: "The language the person chose; null follows their browser's languages.",
    authScopes: ownAccountOnly,
    resolve: (user, _args, ctx) => languageOf(ctx, user.id),
  }),
);

builder.mutationField("setTheme", (t) =>
  t.field({
    type: UserType,
    description: "Remembers the viewer's theme for their account, on every device.",
    args: {
      input: t.arg({
        type: builder.inputType("SetThemeInput", { fields: (f) => ({ theme: f.field({ type: ThemeEnum }) }) }),
      }),
    },
    errors: { types: [NotAuthenticatedError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) => setTheme({ ctx, theme: input.theme }),
  }),
);

builder.mutationField("setLanguage", (t) =>
  t.field({
    type: UserType,
    description: "Remembers the viewer's language for their account, on every device; null follows the browser.",
    args: {
      input: t.arg({
        type: builder.inputType("SetLanguageInput", {
          fields: (f) => ({ language: f.field({ type: LanguageEnum, required: false }) }),
        }),
      }),
    },
    errors: { types: [NotAuthenticatedError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) => setLanguage({ ctx, language: input.language ?? null }),
  }),
);
