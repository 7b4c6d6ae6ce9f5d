// Second factors: the authenticator app (TOTP), codes by e-mail, recovery codes, and finishing a sign-in.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import {
  ConflictError,
  ForbiddenError,
  InvalidSecondFactorError,
  NotAuthenticatedError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from "../../core/errors.js";
import {
  lacksRequiredSecondFactor,
  requiresMemberTwoFactor,
  setMemberTwoFactorPolicy,
} from "../../core/two-factor/client-policy.service.js";
import { sendSignInCode, verifySignIn } from "../../core/two-factor/sign-in-challenge.js";
import {
  confirmTotp,
  disableEmailFactor,
  disableTotp,
  enableEmailFactor,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  type TotpEnrolment,
  type TwoFactorStatus,
  twoFactorStatus,
} from "../../core/two-factor/two-factor.service.js";
import { builder } from "../builder.js";
import { SecondFactorMethod } from "../errors.js";
import { ClientType } from "./client.js";
import { identityProofErrors, identityProofFields } from "./identity-proof.js";
import { UserType } from "./user.js";

const TwoFactorStatusType = builder.objectRef<TwoFactorStatus>("TwoFactorStatus").implement({
  description: "The viewer's second factors.",
  fields: (t) => ({
    totpEnabled: t.exposeBoolean("totpEnabled"),
    emailEnabled: t.exposeBoolean("emailEnabled"),
    recoveryCodesLeft: t.exposeInt("recoveryCodesLeft"),
  }),
});

builder.prismaObjectField("User", "twoFactor", (t) =>
  t.field({
    type: TwoFactorStatusType,
    description: "Which second factors the person has; only they can see it.",
    authScopes: ownAccountOnly,
    resolve: (user, _args, ctx) => twoFactorStatus(ctx, user.id),
  }),
);

const TotpEnrolmentType = builder.objectRef<TotpEnrolment>("TotpEnrolment").implement({
  fields: (t) => ({
    secret: t.exposeString("secret", { description: "The shared secret in base32, for typing into the app." }),
    uri: t.exposeString("uri", { description: "The otpauth:// URI the QR code holds." }),
    qrCode: t.exposeString("qrCode", { description: "The QR code as a PNG data URL." }),
  }),
});

const accountErrors = [NotAuthenticatedError, ForbiddenError, ConflictError] as const;
const reauthErrors = [...identityProofErrors, ConflictError] as const;

builder.mutationField("startTotpEnrolment", (t) =>
  t.field({
    type: TotpEnrolmentType,
    description: "A new authenticator secret for the viewer, in force once confirmTotp gets a code from it.",
    errors: { types: [...accountErrors] },
    resolve: (_root, _args, ctx) => startTotpEnrolment({ ctx }),
  }),
);

const ConfirmTotpInput = builder.inputType("ConfirmTotpInput", { fields: (t) => ({ code: t.string() }) });

builder.mutationField("confirmTotp", (t) =>
  t.stringList({
    description: "Turns the authenticator on; answers ten single-use recovery codes, shown only this once.",
    args: { input: t.arg({ type: ConfirmTotpInput }) },
    errors: { types: [...accountErrors, ValidationError] },
    resolve: (_root, { input }, ctx) => confirmTotp({ ctx, ...input }),
  }),
);

const ProofInput = (name: string) =>
  builder.inputType(name, {
    description: "Exactly one proof that it is the viewer: whichever of these they have.",
    fields: (t) => identityProofFields(t),
  });

builder.mutationField("disableTotp", (t) =>
  t.boolean({
    description: "Turns the authenticator off; needs the password, a passkey or a code (one from this app will do).",
    args: { input: t.arg({ type: ProofInput("DisableTotpInput") }) },
    errors: { types: [...reauthErrors] },
    resolve: (_root, { input }, ctx) => disableTotp({ ctx, ...input }),
  }),
);

builder.mutationField("enableEmailFactor", (t) =>
  t.stringList({
    description: "Sign-in codes by e-mail as a second factor; answers new recovery codes when there were none.",
    errors: { types: [...accountErrors] },
    resolve: (_root, _args, ctx) => enableEmailFactor({ ctx }),
  }),
);

builder.mutationField("disableEmailFactor", (t) =>
  t.boolean({
    description: "Turns sign-in codes by e-mail off; needs the password, a passkey or a code from the app.",
    args: { input: t.arg({ type: ProofInput("DisableEmailFactorInput") }) },
    errors: { types: [...reauthErrors] },
    resolve: (_root, { input }, ctx) => disableEmailFactor({ ctx, ...input }),
  }),
);

builder.mutationField("regenerateRecoveryCodes", (t) =>
  t.stringList({
    description: "Ten new recovery codes (the old ones stop working); needs the password, a passkey or a code.",
    args: { input: t.arg({ type: ProofInput("RegenerateRecoveryCodesInput") }) },
    errors: { types: [...reauthErrors] },
    resolve: (_root, { input }, ctx) => regenerateRecoveryCodes({ ctx, ...input }),
  }),
);

const VerifySignInInput = builder.inputType("VerifySignInInput", {
  fields: (t) => ({
    challenge: t.string({ description: "From the SecondFactorRequiredError of signIn." }),
    method: t.field({ type: SecondFactorMethod }),
    code: t.string(),
  }),
});

builder.mutationField("verifySignIn", (t) =>
  t.field({
    type: UserType,
    description: "Finishes a sign-in with its second factor and starts the session.",
    args: { input: t.arg({ type: VerifySignInInput }) },
    errors: { types: [InvalidSecondFactorError, RateLimitedError, ValidationError] },
    resolve: (_root, { input }, ctx) => verifySignIn({ ctx, ...input }),
  }),
);

const SendSignInCodeInput = builder.inputType("SendSignInCodeInput", {
  fields: (t) => ({ challenge: t.string() }),
});

builder.mutationField("sendSignInCode", (t) =>
  t.boolean({
    description: "Mails a new 6-digit code for this sign-in (accounts with codes by e-mail).",
    args: { input: t.arg({ type: SendSignInCodeInput }) },
    errors: { types: [InvalidSecondFactorError, RateLimitedError, ValidationError] },
    resolve: (_root, { input }, ctx) => sendSignInCode({ ctx, ...input }),
  }),
);

builder.prismaObjectField("Client", "requireMemberTwoFactor", (t) =>
  t.boolean({
    description: "Members without a second factor are refused this client until they add one.",
    authScopes: (client) => ({ member: client.id }),
    resolve: (client, _args, ctx) => requiresMemberTwoFactor(ctx, client.id),
  }),
);

builder.prismaObjectField("User", "twoFactorRequiredFor", (t) =>
  t.boolean({
    description: "True when the person is a member of the client but must add a second factor to use it.",
    args: { clientId: t.arg.id() },
    authScopes: ownAccountOnly,
    resolve: (_user, { clientId }, ctx) => lacksRequiredSecondFactor(ctx, String(clientId)),
  }),
);

const SetClientTwoFactorPolicyInput = builder.inputType("SetClientTwoFactorPolicyInput", {
  fields: (t) => ({ clientId: t.id(), required: t.boolean() }),
});

builder.mutationField("setClientTwoFactorPolicy", (t) =>
  t.field({
    type: ClientType,
    description: 'Turns "members must use 2FA" on or off (client:update; turning it on needs your own 2FA).',
    args: { input: t.arg({ type: SetClientTwoFactorPolicyInput }) },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      const clientId = await setMemberTwoFactorPolicy({
        ctx,
        clientId: String(input.clientId),
        required: input.required,
      });
      return ctx.db.client.findUniqueOrThrow({ where: { id: clientId } });
    },
  }),
);
