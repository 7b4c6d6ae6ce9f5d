import { ownAccountOnly } from "../../core/account/account-caller.js";
import { addSocial, removeSocial } from "../../core/account/social.service.js";
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from "../../core/errors.js";
import { builder } from "../builder.js";

const SocialType = builder.prismaObject("Social", {
  description: "An account of the signed-in person on another platform, one per platform.",
  authScopes: (social, ctx) => ctx.viewer?.id === social.userId,
  fields: (t) => ({
    id: t.exposeID("id"),
    platform: t.exposeString("platform"),
    username: t.exposeString("username"),
    url: t.exposeString("url", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("User", "socials", (t) =>
  t.relation("socials", { authScopes: ownAccountOnly, query: { orderBy: [{ platform: "asc" }] } }),
);

const AddSocialInput = builder.inputType("AddSocialInput", {
  fields: (t) => ({
    platform: t.string({ description: "e.g. github, linkedin; stored in lower case." }),
    username: t.string(),
    url: t.string({ required: false, description: "An https:// profile link." }),
  }),
});

builder.mutationField("addSocial", (t) =>
  t.field({
    type: SocialType,
    args: { input: t.arg({ type: AddSocialInput }) },
    errors: { types: [NotAuthenticatedError, ForbiddenError, ConflictError, ValidationError] },
    resolve: (_root, { input }, ctx) => addSocial({ ctx, input }),
  }),
);

builder.mutationField("removeSocial", (t) =>
  t.field({
    type: SocialType,
    args: {
      input: t.arg({ type: builder.inputType("RemoveSocialInput", { fields: (f) => ({ socialId: f.id() }) }) }),
    },
    errors: { types: [NotAuthenticatedError, ForbiddenError, NotFoundError] },
    resolve: (_root, { input }, ctx) => removeSocial({ ctx, socialId: String(input.socialId) }),
  }),
);
