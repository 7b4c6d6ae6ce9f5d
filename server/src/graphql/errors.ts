import { LoginFlowError } from "../core/login/login-errors.js";
import { builder } from "./builder.js";

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: { field: string; message: string }[],
  ) {
    super(message);
  }
}
export class InvalidCredentialsError extends Error {
  constructor() {
    super("The e-mail address or password is incorrect.");
  }
}
export class EmailTakenError extends Error {
  constructor() {
    super("An account with this e-mail address already exists. Sign in instead.");
  }
}
export class NotAuthenticatedError extends Error {
  constructor() {
    super("Sign in to continue.");
  }
}
/** Also answers for objects of clients the caller is not part of, so other tenants cannot be probed. */
export class NotFoundError extends Error {}
export class ForbiddenError extends Error {}
export class ConflictError extends Error {}
export class PlanRequiredError extends Error {
  constructor(message = "Only accounts on the PAID plan can own clients. Upgrade your plan to create one.") {
    super(message);
  }
}

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
    code: t.field({ type: LoginRequestErrorCode, resolve: (error) => error.code }),
    redirectUrl: t.string({ nullable: true, resolve: (error) => error.redirectUrl ?? null }),
  }),
});
