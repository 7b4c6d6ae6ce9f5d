// Deleting one's own account: what it would do, and scheduling it after re-entering the password.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { DELETION_GRACE_DAYS, deletionPlan, requestAccountDeletion } from "../../core/account/deletion.service.js";
import { ConflictError } from "../../core/errors.js";
import { builder } from "../builder.js";
import { identityProofErrors, identityProofFields } from "./identity-proof.js";

const NamedClient = builder.objectRef<{ id: string; name: string }>("NamedClient").implement({
  description: "A client named to the person (an app that will be told, or a client they own).",
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

const AccountDeletionPlan = builder
  .objectRef<{ apps: { id: string; name: string }[]; soleOwnerOf: { id: string; name: string }[] }>(
    "AccountDeletionPlan",
  )
  .implement({
    description: "What deleting the account would do now.",
    fields: (t) => ({
      graceDays: t.int({
        description: "Days in which signing in again cancels it.",
        resolve: () => DELETION_GRACE_DAYS,
      }),
      apps: t.field({
        type: [NamedClient],
        description: "Every app that receives the user.deleted webhook once the account is purged.",
        resolve: (plan) => plan.apps,
      }),
      soleOwnerOf: t.field({
        type: [NamedClient],
        description: "Clients with no other Owner; while any is listed, the account cannot be deleted.",
        resolve: (plan) => plan.soleOwnerOf,
      }),
    }),
  });

builder.prismaObjectField("User", "deletionPlan", (t) =>
  t.field({
    type: AccountDeletionPlan,
    authScopes: ownAccountOnly,
    resolve: (_user, _args, ctx) => deletionPlan({ ctx }),
  }),
);

const AccountDeletionType = builder.prismaObject("AccountDeletion", {
  description: "A scheduled deletion of the viewer's account.",
  fields: (t) => ({
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    purgeAt: t.expose("purgeAt", { type: "DateTime", description: "When the account and its data are deleted." }),
  }),
});

const RequestAccountDeletionInput = builder.inputType("RequestAccountDeletionInput", {
  description: "Exactly one proof that it is the viewer: whichever of these they have.",
  fields: (t) => identityProofFields(t),
});

builder.mutationField("requestAccountDeletion", (t) =>
  t.field({
    type: AccountDeletionType,
    description:
      "Schedules the viewer's account for deletion (confirmed with the password, a passkey or a code from their app) and signs it out everywhere; signing in again before purgeAt cancels it.",
    args: { input: t.arg({ type: RequestAccountDeletionInput }) },
    errors: {
      types: [...identityProofErrors, ConflictError],
    },
    resolve: (_root, { input }, ctx) => requestAccountDeletion({ ctx, ...input }),
  }),
);
