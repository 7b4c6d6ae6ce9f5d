// Passkeys (WebAuthn): the person's list, adding, renaming and removing one, and signing in with one.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import {
  ConflictError,
  ForbiddenError,
  InvalidPasskeyError,
  InvalidSecondFactorError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from "../../core/errors.js";
import {
  finishPasskeyRegistration,
  listPasskeys,
  type PasskeyRegistration,
  removePasskey,
  renamePasskey,
  startPasskeyRegistration,
} from "../../core/passkey/passkey.service.js";
import {
  finishPasskeySignIn,
  startPasskeySecondFactor,
  startPasskeySignIn,
} from "../../core/passkey/passkey-sign-in.js";
import { startPasskeyReauthentication } from "../../core/security/reauthentication.js";
import { builder } from "../builder.js";
import { identityProofErrors, identityProofFields } from "./identity-proof.js";
import { UserType } from "./user.js";

const PasskeyType = builder.prismaObject("Passkey", {
  description: "One of the person's passkeys; only its public key is stored.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    backedUp: t.exposeBoolean("backedUp", {
      description: "Synced to the person's cloud account (a multi-device passkey).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObjectField("User", "passkeys", (t) =>
  t.field({
    type: [PasskeyType],
    description: "The person's passkeys, oldest first; only they can see them.",
    authScopes: ownAccountOnly,
    resolve: (user, _args, ctx) => listPasskeys(ctx, user.id),
  }),
);

const accountErrors = [NotAuthenticatedError, ForbiddenError, ConflictError] as const;

builder.mutationField("startPasskeyRegistration", (t) =>
  t.string({
    description:
      "Options (JSON) for the browser to create a passkey for the viewer; answer with finishPasskeyRegistration.",
    errors: { types: [...accountErrors] },
    resolve: (_root, _args, ctx) => startPasskeyRegistration({ ctx }),
  }),
);

const PasskeyRegistrationType = builder.objectRef<PasskeyRegistration>("PasskeyRegistration").implement({
  fields: (t) => ({
    passkey: t.field({ type: PasskeyType, resolve: (registration) => registration.passkey }),
    recoveryCodes: t.exposeStringList("recoveryCodes", {
      description: "Ten new recovery codes when the person had none, shown only this once; otherwise empty.",
    }),
  }),
});

const FinishPasskeyRegistrationInput = builder.inputType("FinishPasskeyRegistrationInput", {
  fields: (t) => ({
    response: t.string({ description: "The browser's answer as JSON (startRegistration of @simplewebauthn/browser)." }),
    name: t.string({ description: "A name for the passkey, such as the device it is on." }),
  }),
});

builder.mutationField("finishPasskeyRegistration", (t) =>
  t.field({
    type: PasskeyRegistrationType,
    args: { input: t.arg({ type: FinishPasskeyRegistrationInput }) },
    errors: { types: [...accountErrors, InvalidPasskeyError, ValidationError] },
    resolve: (_root, { input }, ctx) => finishPasskeyRegistration({ ctx, ...input }),
  }),
);

const RenamePasskeyInput = builder.inputType("RenamePasskeyInput", {
  fields: (t) => ({ id: t.id(), name: t.string() }),
});

builder.mutationField("renamePasskey", (t) =>
  t.field({
    type: PasskeyType,
    args: { input: t.arg({ type: RenamePasskeyInput }) },
    errors: { types: [...accountErrors, NotFoundError, ValidationError] },
    resolve: (_root, { input }, ctx) => renamePasskey({ ctx, id: String(input.id), name: input.name }),
  }),
);

builder.mutationField("startPasskeyReauthentication", (t) =>
  t.string({
    description:
      "Options (JSON) for the browser to confirm it is the viewer with one of their passkeys; send the answer as passkeyResponse.",
    errors: { types: [...accountErrors] },
    resolve: (_root, _args, ctx) => startPasskeyReauthentication({ ctx }),
  }),
);

const RemovePasskeyInput = builder.inputType("RemovePasskeyInput", {
  description: "Which passkey, and exactly one proof that it is the viewer: whichever of these they have.",
  fields: (t) => ({ id: t.id(), ...identityProofFields(t) }),
});

builder.mutationField("removePasskey", (t) =>
  t.boolean({
    description:
      "Removes one of the viewer's passkeys once they confirm it is them (password, passkey or code); never their last way to sign in.",
    args: { input: t.arg({ type: RemovePasskeyInput }) },
    errors: { types: [...identityProofErrors, ConflictError, NotFoundError] },
    resolve: (_root, { input }, ctx) => removePasskey({ ctx, ...input, id: String(input.id) }),
  }),
);

const StartPasskeySignInInput = builder.inputType("StartPasskeySignInInput", {
  fields: (t) => ({
    rememberMe: t.boolean({ required: false, description: "Keep the session for 30 days, as with signIn." }),
  }),
});

builder.mutationField("startPasskeySignIn", (t) =>
  t.string({
    description:
      "Options (JSON) for a passwordless sign-in with any passkey of this site; answer with finishPasskeySignIn.",
    args: { input: t.arg({ type: StartPasskeySignInInput, required: false }) },
    resolve: (_root, { input }, ctx) => startPasskeySignIn({ ctx, rememberMe: input?.rememberMe ?? false }),
  }),
);

const FinishPasskeySignInInput = builder.inputType("FinishPasskeySignInInput", {
  fields: (t) => ({
    response: t.string({
      description: "The browser's answer as JSON (startAuthentication of @simplewebauthn/browser).",
    }),
  }),
});

builder.mutationField("finishPasskeySignIn", (t) =>
  t.field({
    type: UserType,
    description: "Signs in with a passkey alone (it verified the person, so no second step follows).",
    args: { input: t.arg({ type: FinishPasskeySignInInput }) },
    errors: { types: [InvalidPasskeyError, ValidationError] },
    resolve: (_root, { input }, ctx) => finishPasskeySignIn({ ctx, ...input }),
  }),
);

const StartPasskeySecondFactorInput = builder.inputType("StartPasskeySecondFactorInput", {
  fields: (t) => ({ challenge: t.string({ description: "From the SecondFactorRequiredError of signIn." }) }),
});

builder.mutationField("startPasskeySecondFactor", (t) =>
  t.string({
    description:
      "Options (JSON) for a passkey as this sign-in's second step; send the answer to verifySignIn (PASSKEY).",
    args: { input: t.arg({ type: StartPasskeySecondFactorInput }) },
    errors: { types: [InvalidSecondFactorError, ValidationError] },
    resolve: (_root, { input }, ctx) => startPasskeySecondFactor({ ctx, ...input }),
  }),
);
