import {
  ConflictError,
  EmailTakenError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidEmailCodeError,
  InvalidSecondFactorError,
  LoginFlowError,
  NotAuthenticatedError,
  NotFoundError,
  PlanRequiredError,
  ProofOfWorkRequiredError,
  RateLimitedError,
  SecondFactorRequiredError,
  ValidationError,
} from "../core/errors.js";
import { builder } from "./builder.js";

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldError = builder.objectRef<{ field: string; message: string }>("FieldError").implement({
  fields: (t) => ({ field: t.exposeString("field"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldError], resolve: (error) => error.fieldErrors }) }),
});

for (const [type, name] of [
  [InvalidCredentialsError, "InvalidCredentialsError"],
  [EmailTakenError, "EmailTakenError"],
  [NotAuthenticatedError, "NotAuthenticatedError"],
  [NotFoundError, "NotFoundError"],
  [ForbiddenError, "ForbiddenError"],
  [ConflictError, "ConflictError"],
  [PlanRequiredError, "PlanRequiredError"],
] as const) {
  builder.objectType(type, {
    name,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof type,
    fields: () => ({}),
  });
}

const LoginRequestErrorCode = builder.enumType("LoginRequestErrorCode", {
  values: [
    "NOT_FOUND",
    "EXPIRED",
    "ALREADY_USED",
    "DOMAIN_INACTIVE",
    "LOGIN_NOT_ALLOWED",
    "TEST_MODE_DENIED",
    "DECLINED",
  ] as const,
});

builder.objectType(LoginFlowError, {
  name: "LoginRequestError",
  description: "The hosted login cannot go on; redirectUrl is the domain's fallback URI when it has one.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LoginFlowError,
  fields: (t) => ({
    code: t.field({ type: LoginRequestErrorCode, resolve: (error) => error.reason }),
    redirectUrl: t.string({ nullable: true, resolve: (error) => error.redirectUrl ?? null }),
  }),
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});

const ProofOfWorkReason = builder.enumType("ProofOfWorkReason", {
  description: "Why the attempt needs a (new) solved challenge.",
  values: {
    REQUIRED: { description: "No solution was sent, and this address needs one." },
    INVALID: { description: "The solution was wrong, or not for a challenge Gatehouse issued." },
    EXPIRED: { description: "The challenge expired before its solution arrived." },
    USED: { description: "The solution was already accepted once." },
  } as const,
});

builder.objectType(ProofOfWorkRequiredError, {
  name: "ProofOfWorkRequiredError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProofOfWorkRequiredError,
  fields: (t) => ({
    reason: t.field({ type: ProofOfWorkReason, resolve: (error) => error.reason }),
    challenge: t.exposeString("challenge", {
      description: "The ALTCHA challenge as JSON, for the altcha widget's `challenge` option.",
    }),
  }),
});

const SecondFactorMethod = builder.enumType("SecondFactorMethod", {
  values: {
    TOTP: { description: "A code from an authenticator app." },
    EMAIL: { description: "A 6-digit code mailed to the account's address." },
    RECOVERY_CODE: { description: "One of the account's single-use recovery codes." },
  } as const,
});

builder.objectType(SecondFactorRequiredError, {
  name: "SecondFactorRequiredError",
  description: "The password was right; finish the sign-in with verifySignIn and one of the methods.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SecondFactorRequiredError,
  fields: (t) => ({
    challenge: t.exposeString("challenge", { description: "Single-use token of this sign-in, for verifySignIn." }),
    methods: t.field({ type: [SecondFactorMethod], resolve: (error) => error.methods }),
    newDevice: t.exposeBoolean("newDevice", {
      description: "True when the step is asked because the device and the network are both new to the account.",
    }),
  }),
});

const InvalidSecondFactorReason = builder.enumType("InvalidSecondFactorReason", {
  values: {
    WRONG_CODE: { description: "The code is wrong or was already used; attemptsLeft more may be tried." },
    CODE_EXPIRED: { description: "The mailed code expired; send a new one." },
    EXPIRED: { description: "The sign-in expired or was finished; sign in again." },
    TOO_MANY_ATTEMPTS: { description: "Too many wrong codes for this sign-in; sign in again." },
  } as const,
});

builder.objectType(InvalidSecondFactorError, {
  name: "InvalidSecondFactorError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidSecondFactorError,
  fields: (t) => ({
    reason: t.field({ type: InvalidSecondFactorReason, resolve: (error) => error.reason }),
    attemptsLeft: t.exposeInt("attemptsLeft"),
  }),
});

const InvalidEmailCodeReason = builder.enumType("InvalidEmailCodeReason", {
  values: {
    WRONG_CODE: { description: "The code is wrong; attemptsLeft more may be tried." },
    EXPIRED: { description: "The code expired or was replaced by a newer one; send a new one." },
    TOO_MANY_ATTEMPTS: { description: "The code was tried too often; send a new one." },
  } as const,
});

builder.objectType(InvalidEmailCodeError, {
  name: "InvalidEmailCodeError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidEmailCodeError,
  fields: (t) => ({
    reason: t.field({ type: InvalidEmailCodeReason, resolve: (error) => error.reason }),
    attemptsLeft: t.exposeInt("attemptsLeft"),
  }),
});

export { SecondFactorMethod };
