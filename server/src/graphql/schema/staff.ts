// The staff part of the GraphQL schema: platform-wide actions for Gatehouse staff.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { ForbiddenError, NotFoundError } from "../../core/errors.js";
import { setUserPlan, setVerifiedScopesPerRequest } from "../../core/staff/staff.service.js";
import { staffLacksSecondFactor } from "../../core/staff/staff-access.js";
import { builder } from "../builder.js";
import { PlanEnum } from "../enums.js";
import { UserType } from "./user.js";

builder.mutationField("setUserPlan", (t) =>
  t.field({
    type: UserType,
    description: "Platform staff only: sets the plan of the user with this e-mail address.",
    args: {
      input: t.arg({
        type: builder.inputType("SetUserPlanInput", {
          fields: (f) => ({ email: f.string(), plan: f.field({ type: PlanEnum, required: true }) }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: (_root, { input }, ctx) => setUserPlan({ ctx, input: { email: input.email, plan: input.plan } }),
  }),
);

builder.mutationField("setVerifiedScopesPerRequest", (t) =>
  t.field({
    type: builder.objectRef<{ id: string; verifiedScopesPerRequest: boolean }>("VerifiedScopesPerRequest").implement({
      fields: (f) => ({ clientId: f.exposeID("id"), allowed: f.exposeBoolean("verifiedScopesPerRequest") }),
    }),
    description:
      "Platform staff only: allows (or stops) an unverified client asking one person at a time for VERIFIED-tier scopes through an access request.",
    args: {
      input: t.arg({
        type: builder.inputType("SetVerifiedScopesPerRequestInput", {
          fields: (f) => ({ clientId: f.id(), allowed: f.boolean() }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: (_root, { input }, ctx) =>
      setVerifiedScopesPerRequest({ ctx, clientId: String(input.clientId), allowed: input.allowed }),
  }),
);

builder.prismaObjectField("User", "staffNeedsSecondFactor", (t) =>
  t.boolean({
    description:
      "True for platform staff without a second factor: no staff power works until they set up two-step sign-in.",
    authScopes: ownAccountOnly,
    resolve: (_user, _args, ctx) => staffLacksSecondFactor(ctx),
  }),
);
