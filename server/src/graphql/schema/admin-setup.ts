// The setup-link page: creates the first platform admin, or makes an existing account admin.

import { completeAdminSetup } from "../../core/admin-setup/admin-setup.service.js";
import { setupLinkState } from "../../core/admin-setup/setup-link.js";
import { ConflictError, EmailTakenError, NotFoundError, ValidationError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { UserType } from "./user.js";

const SetupLinkStateEnum = builder.enumType("AdminSetupLinkState", {
  values: ["VALID", "USED", "EXPIRED", "UNKNOWN"] as const,
});

type SetupLinkInfo = {
  state: "VALID" | "USED" | "EXPIRED" | "UNKNOWN";
  email: string | null;
  existingAccount: boolean;
};

const SetupLinkType = builder.objectRef<SetupLinkInfo>("AdminSetupLink").implement({
  fields: (t) => ({
    state: t.field({ type: SetupLinkStateEnum, resolve: (link) => link.state }),
    email: t.exposeString("email", { nullable: true, description: "The account the link is for, if it names one." }),
    existingAccount: t.exposeBoolean("existingAccount", {
      description: "The link is for an account that exists: only a new password is asked.",
    }),
  }),
});

builder.queryField("adminSetupLink", (t) =>
  t.field({
    type: SetupLinkType,
    description: "What a setup link (from the first production start or `gatehouse admin create`) will do.",
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, ctx): Promise<SetupLinkInfo> => {
      const found = await setupLinkState(ctx.db, token);
      if (found.state !== "valid") {
        return { state: found.state.toUpperCase() as SetupLinkInfo["state"], email: null, existingAccount: false };
      }
      const existing = found.email ? await ctx.db.user.count({ where: { email: found.email } }) : 0;
      return { state: "VALID", email: found.email, existingAccount: existing > 0 };
    },
  }),
);

const CompleteAdminSetupInput = builder.inputType("CompleteAdminSetupInput", {
  fields: (t) => ({
    token: t.string({ required: true }),
    email: t.string({ required: false, description: "Ignored when the link names the account." }),
    name: t.string({ required: false, description: "Needed for a new account." }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField("completeAdminSetup", (t) =>
  t.field({
    type: UserType,
    description: "Redeems a setup link once: the person becomes platform admin and is signed in.",
    args: { input: t.arg({ type: CompleteAdminSetupInput, required: true }) },
    errors: { types: [NotFoundError, ConflictError, EmailTakenError, ValidationError] },
    resolve: (_root, { input }, ctx) => completeAdminSetup({ ctx, ...input }),
  }),
);
