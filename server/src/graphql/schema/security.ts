// Account security: e-mail verification, password reset and change, e-mail change, sessions.

import {
  ConflictError,
  EmailTakenError,
  ForbiddenError,
  InvalidEmailCodeError,
  InvalidLinkError,
  NotAuthenticatedError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  WrongPasswordError,
} from "../../core/errors.js";
import { confirmEmailCode } from "../../core/security/email-code.js";
import {
  changeEmail,
  changePassword,
  confirmEmailChange,
  requestPasswordReset,
  resendVerificationEmail,
  resetPassword,
  revokeOtherSessions,
  revokeSession,
  sessionsOf,
  verifyEmail,
} from "../../core/security/security.service.js";
import { builder } from "../builder.js";
import { ErrorInterface } from "../errors.js";
import { identityProofErrors, identityProofFields } from "./identity-proof.js";
import { UserType } from "./user.js";

const InvalidLinkReason = builder.enumType("InvalidLinkReason", {
  values: ["NOT_FOUND", "EXPIRED", "ALREADY_USED"] as const,
});

builder.objectType(InvalidLinkError, {
  name: "InvalidLinkError",
  description: "A mailed link (e-mail confirmation, password reset) that is unknown, expired or already used.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidLinkError,
  fields: (t) => ({ reason: t.field({ type: InvalidLinkReason, resolve: (error) => error.reason }) }),
});

builder.objectType(WrongPasswordError, {
  name: "WrongPasswordError",
  description: "The current password given to confirm a sensitive change is wrong.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof WrongPasswordError,
  fields: () => ({}),
});

const SessionType = builder.prismaObject("Session", {
  description: "A signed-in browser of the viewer.",
  fields: (t) => ({
    id: t.exposeID("id"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime" }),
    ip: t.exposeString("ip", { nullable: true }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    persistent: t.exposeBoolean("persistent", {
      description: "Remembered for 30 days from its last use; false ends when the browser closes.",
    }),
    current: t.boolean({
      description: "True for the session this request uses.",
      resolve: (session, _args, ctx) => session.id === ctx.sessionId,
    }),
  }),
});

builder.prismaObjectField("User", "sessions", (t) =>
  t.field({
    type: [SessionType],
    description: "The person's live sessions; only they can see them.",
    authScopes: (user, _args, ctx) => ctx.viewer?.id === user.id,
    resolve: (user, _args, ctx) => sessionsOf(ctx, user.id),
  }),
);

const TokenInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ token: t.string({ description: "The token from the mailed link." }) }) });

builder.mutationField("verifyEmail", (t) =>
  t.boolean({
    description: "Confirms the e-mail address from the mailed link; no sign-in needed.",
    args: { input: t.arg({ type: TokenInput("VerifyEmailInput") }) },
    errors: { types: [InvalidLinkError, ValidationError] },
    resolve: (_root, { input }, ctx) => verifyEmail({ ctx, ...input }),
  }),
);

builder.mutationField("resendVerificationEmail", (t) =>
  t.boolean({
    description: "Mails the viewer a new confirmation code and link; earlier ones stop working. Limited per account.",
    errors: { types: [NotAuthenticatedError, ConflictError, RateLimitedError] },
    resolve: (_root, _args, ctx) => resendVerificationEmail({ ctx }),
  }),
);

const ConfirmEmailCodeInput = builder.inputType("ConfirmEmailCodeInput", {
  fields: (t) => ({ code: t.string({ description: "The 6-digit code from the newest confirmation mail." }) }),
});

builder.mutationField("confirmEmailCode", (t) =>
  t.field({
    type: UserType,
    description: "Confirms the signed-in person's e-mail address with the mailed code (10 minutes, 5 tries).",
    args: { input: t.arg({ type: ConfirmEmailCodeInput }) },
    errors: {
      types: [NotAuthenticatedError, ForbiddenError, ConflictError, InvalidEmailCodeError, ValidationError],
      union: { name: "ConfirmEmailCodePayload" },
      result: { name: "ConfirmEmailCodeSuccess" },
    },
    resolve: (_root, { input }, ctx) => confirmEmailCode({ ctx, ...input }),
  }),
);

const RequestPasswordResetInput = builder.inputType("RequestPasswordResetInput", {
  fields: (t) => ({ email: t.string() }),
});

builder.mutationField("requestPasswordReset", (t) =>
  t.boolean({
    description: "Mails a reset link when an account has this address; answers the same either way.",
    args: { input: t.arg({ type: RequestPasswordResetInput }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => requestPasswordReset({ ctx, ...input }),
  }),
);

const ResetPasswordInput = builder.inputType("ResetPasswordInput", {
  fields: (t) => ({ token: t.string(), newPassword: t.string() }),
});

builder.mutationField("resetPassword", (t) =>
  t.boolean({
    description: "Sets a new password from the mailed link and ends every session of the account.",
    args: { input: t.arg({ type: ResetPasswordInput }) },
    errors: { types: [InvalidLinkError, ValidationError] },
    resolve: (_root, { input }, ctx) => resetPassword({ ctx, ...input }),
  }),
);

const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  fields: (t) => ({ currentPassword: t.string(), newPassword: t.string() }),
});

builder.mutationField("changePassword", (t) =>
  t.field({
    type: UserType,
    description: "Changes the viewer's password (current password required) and ends their other sessions.",
    args: { input: t.arg({ type: ChangePasswordInput }) },
    errors: { types: [NotAuthenticatedError, ForbiddenError, WrongPasswordError, RateLimitedError, ValidationError] },
    resolve: (_root, { input }, ctx) => changePassword({ ctx, ...input }),
  }),
);

const ChangeEmailInput = builder.inputType("ChangeEmailInput", {
  description: "The new address, and exactly one proof that it is the viewer: whichever of these they have.",
  fields: (t) => ({ newEmail: t.string(), ...identityProofFields(t) }),
});

builder.mutationField("changeEmail", (t) =>
  t.boolean({
    description:
      "Mails a confirmation link to the new address (confirmed with the password, a passkey or a code); the change applies once it is opened.",
    args: { input: t.arg({ type: ChangeEmailInput }) },
    errors: {
      types: [...identityProofErrors, EmailTakenError, ConflictError],
    },
    resolve: (_root, { input }, ctx) => changeEmail({ ctx, ...input }),
  }),
);

builder.mutationField("confirmEmailChange", (t) =>
  t.boolean({
    description: "Applies an e-mail change from the link mailed to the new address.",
    args: { input: t.arg({ type: TokenInput("ConfirmEmailChangeInput") }) },
    errors: { types: [InvalidLinkError, EmailTakenError, ConflictError, ValidationError] },
    resolve: (_root, { input }, ctx) => confirmEmailChange({ ctx, ...input }),
  }),
);

const RevokeSessionInput = builder.inputType("RevokeSessionInput", {
  fields: (t) => ({ sessionId: t.id() }),
});

builder.mutationField("revokeSession", (t) =>
  t.field({
    type: UserType,
    description: "Signs one of the viewer's sessions out.",
    args: { input: t.arg({ type: RevokeSessionInput }) },
    errors: { types: [NotAuthenticatedError, ForbiddenError, NotFoundError] },
    resolve: (_root, { input }, ctx) => revokeSession({ ctx, sessionId: String(input.sessionId) }),
  }),
);

builder.mutationField("revokeOtherSessions", (t) =>
  t.field({
    type: UserType,
    description: "Signs out every session of the viewer except this one.",
    errors: { types: [NotAuthenticatedError, ForbiddenError] },
    resolve: (_root, _args, ctx) => revokeOtherSessions({ ctx }),
  }),
);
