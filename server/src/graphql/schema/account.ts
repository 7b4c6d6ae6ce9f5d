// The viewer's own account: profile, addresses, socials, connected apps and incoming access requests.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { updateProfile } from "../../core/account/profile.service.js";
import { ForbiddenError, NotAuthenticatedError, ValidationError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { PlanEnum } from "../enums.js";
import { UserType } from "./user.js";
import "./address.js";
import "./social.js";
import "./connected-app.js";
import "./incoming-request.js";

builder.prismaObject("Country", {
  description: "An ISO 3166 country.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    shortName: t.exposeString("shortName", { description: "ISO 3166 alpha-2 code, e.g. NL." }),
    name: t.exposeString("name"),
    isoAlpha3: t.exposeString("isoAlpha3", { description: "ISO 3166 alpha-3 code, e.g. NLD." }),
  }),
});

builder.prismaObjectFields("User", (t) => ({
  birthDate: t.expose("birthDate", { type: "DateTime", nullable: true, authScopes: ownAccountOnly }),
  gender: t.exposeString("gender", { nullable: true, authScopes: ownAccountOnly }),
  secondEmail: t.exposeString("secondEmail", { nullable: true, authScopes: ownAccountOnly }),
  country: t.relation("country", { nullable: true, authScopes: ownAccountOnly }),
  plan: t.field({ type: PlanEnum, authScopes: ownAccountOnly, resolve: (user) => user.plan }),
  createdAt: t.expose("createdAt", { type: "DateTime", authScopes: ownAccountOnly }),
}));

builder.queryField("countries", (t) =>
  t.prismaField({
    type: ["Country"],
    description: "Every country, by name, for country pickers.",
    resolve: (query, _root, _args, ctx) => ctx.db.country.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
);

const UpdateProfileInput = builder.inputType("UpdateProfileInput", {
  description: "Fields left out stay as they are; null clears an optional field.",
  fields: (t) => ({
    name: t.string({ required: false }),
    givenName: t.string({ required: false }),
    familyName: t.string({ required: false }),
    picture: t.string({ required: false, description: "An https:// URL." }),
    birthDate: t.field({ type: "DateTime", required: false }),
    gender: t.string({ required: false }),
    secondEmail: t.string({ required: false }),
    countryCode: t.string({ required: false, description: "ISO 3166 alpha-2 or alpha-3, any case." }),
  }),
});

builder.mutationField("updateProfile", (t) =>
  t.field({
    type: UserType,
    args: { input: t.arg({ type: UpdateProfileInput }) },
    errors: { types: [NotAuthenticatedError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) => updateProfile({ ctx, input }),
  }),
);
