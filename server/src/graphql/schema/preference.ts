// The person's own look of Gatehouse: the theme, remembered per account.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { setTheme, THEMES, themeOf } from "../../core/account/preference.service.js";
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

builder.prismaObjectField("User", "theme", (t) =>
  t.field({ type: ThemeEnum, authScopes: ownAccountOnly, resolve: (user, _args, ctx) => themeOf(ctx, user.id) }),
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
