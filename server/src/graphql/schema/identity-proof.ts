import {
  ForbiddenError,
  InvalidPasskeyError,
  NotAuthenticatedError,
  RateLimitedError,
  ValidationError,
  WrongPasswordError,
} from "../../core/errors.js";
import type { builder } from "../builder.js";

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/**
 * The input fields of "exactly one proof that it is the viewer, whichever they have": the password, a fresh
 * passkey assertion, or a code from their authenticator app (core/security/reauthentication.ts checks them).
 */
export const identityProofFields = (t: InputFields) => ({
  currentPassword: t.string({ required: false }),
  passkeyResponse: t.string({
    required: false,
    description: "The browser's answer (JSON) to startPasskeyReauthentication's options.",
  }),
  code: t.string({
    required: false,
    description:
      "A code from the authenticator app, an unused recovery code, or a code sendReauthenticationCode mailed.",
  }),
});

/** The typed errors of a mutation confirmed by a proof: no viewer, a wrong password or passkey, too many codes, not one proof. */
export const identityProofErrors = [
  NotAuthenticatedError,
  ForbiddenError,
  WrongPasswordError,
  InvalidPasskeyError,
  RateLimitedError,
  ValidationError,
] as const;
