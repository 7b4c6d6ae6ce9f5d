import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import { accountOwner } from "../account/account-caller.js";
import { hasPassword } from "../account/ways-in.js";
import { verifyPassword } from "../auth/password.js";
import type { ServiceContext } from "../context.js";
import {
  ConflictError,
  InvalidPasskeyError,
  RateLimitedError,
  ValidationError,
  WrongPasswordError,
} from "../errors.js";
import { spendChallenge, storeChallenge } from "../passkey/challenge.js";
import { assertionHolds, ownPasskeyOptions, parseAssertion } from "../passkey/webauthn.js";
import { recoveryCodeHolds, totpCodeHolds } from "../two-factor/factor-codes.js";
import { validate } from "../validate.js";
import { emailCodeMayConfirm, reauthenticationCodeHolds } from "./reauthentication-code.js";

/** One of the ways a signed-in person proves again that it is them, whichever they have. */
export type Reauthentication = {
  currentPassword?: string | null | undefined;
  /** The browser's answer (JSON) to startPasskeyReauthentication's options. */
  passkeyResponse?: string | null | undefined;
  /** A code from the authenticator app, an unused recovery code, or (sendReauthenticationCode) a code by e-mail. */
  code?: string | null | undefined;
};

const proofShape = z.object({
  currentPassword: z.string().max(1024, "The password is too long.").nullish(),
  passkeyResponse: z.string().max(65_536).nullish(),
  code: z.string().trim().max(64, "That code is too long.").nullish(),
});

/** The signed-in person, after proving again that they know the password (changing the password asks for exactly this). */
export async function reauthenticate(ctx: ServiceContext, currentPassword: string): Promise<User> {
  const viewer = accountOwner(ctx);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: viewer.id } });
  // Sign-in's throttle, so guessing here is no faster; no challenge: the caller already holds a session or token.
  const throttle = ctx.rateLimiters.signIn;
  await throttle.admit({ email: user.email, ip: ctx.ip }, { challenge: false });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await throttle.failed(user.email, ctx.ip);
    throw new WrongPasswordError();
  }
  await throttle.succeeded(user.email, ctx.ip);
  return user;
}

const NO_PASSWORD = "Enter your current password.";
const ONE_PROOF =
  "Confirm it is you: enter your password, use one of your passkeys, enter a code from your app, or ask for a code by e-mail.";
const NOTHING_YET = "Confirm it is you: ask for a code by e-mail, then enter it.";

/**
 * Options for the browser to sign a fresh challenge with one of the viewer's own passkeys (user verification
 * required), to confirm a sensitive change; the answer goes in `passkeyResponse`.
 */
export async function startPasskeyReauthentication({ ctx }: { ctx: ServiceContext }): Promise<string> {
  const viewer = accountOwner(ctx);
  const options = await ownPasskeyOptions(ctx.db, ctx.config, viewer.id, "required");
  if (!options) throw new ConflictError("You have no passkey. Confirm with your password or a code.");
  await storeChallenge(ctx, options.challenge, "reauth", { userId: viewer.id });
  return JSON.stringify(options);
}

/**
 * The signed-in person, after proving again that it is them with exactly one of: the password, a fresh
 * assertion by one of their passkeys, a code from their authenticator app (or a recovery code), or a code
 * mailed by sendReauthenticationCode. A person who signed up without a password confirms with what they have.
 * The mailed code counts only for an account with a confirmed address and neither an app nor a passkey: the
 * mailbox can already reset that account's password, so the code proves no less than the account trusts; an
 * account with an app or a passkey keeps those as its only second-factor proofs. Wrong codes count against
 * the account's second-factor limit, wrong passwords against the sign-in throttle.
 */
export async function reauthenticateWith(ctx: ServiceContext, input: Reauthentication): Promise<User> {
  const viewer = accountOwner(ctx);
  const { currentPassword, passkeyResponse, code } = validate(proofShape, input);
  const given = [currentPassword, passkeyResponse, code].filter((value) => value);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: viewer.id } });
  if (given.length !== 1) {
    // Nothing at all from someone with a password: ask for it, as these forms always have.
    const nothing = given.length === 0;
    const message =
      nothing && hasPassword(user)
        ? NO_PASSWORD
        : nothing && (await emailCodeMayConfirm(ctx, user))
          ? NOTHING_YET
          : ONE_PROOF;
    throw new ValidationError(message, [{ field: "currentPassword", message }]);
  }
  if (currentPassword) return reauthenticate(ctx, currentPassword);
  if (passkeyResponse) {
    const { response, challenge } = parseAssertion(passkeyResponse);
    await spendChallenge(ctx, challenge, "reauth", user.id);
    const passkey = await ctx.db.passkey.findUnique({ where: { credentialId: response.id } });
    if (!passkey || passkey.userId !== user.id) throw new InvalidPasskeyError("NOT_ACCEPTED");
    if (!(await assertionHolds(ctx.db, ctx.config, passkey, response, challenge, true))) {
      throw new InvalidPasskeyError("NOT_ACCEPTED");
    }
    return user;
  }
  const wait = await ctx.rateLimiters.secondFactorBlockedFor(user.id);
  if (wait !== null) throw new RateLimitedError(wait);
  const entered = code ?? "";
  if ((await totpCodeHolds(ctx, user.id, entered)) || (await recoveryCodeHolds(ctx, user.id, entered))) return user;
  const byMail = await emailCodeMayConfirm(ctx, user);
  if (byMail && (await reauthenticationCodeHolds(ctx, user.id, entered))) return user;
  await ctx.rateLimiters.secondFactorFailed(user.id);
  const wrong = byMail
    ? "That code is not right, or no longer works. Enter the newest code we e-mailed you, or ask for a new one."
    : "That code is not right. Enter the code your app shows now, or an unused recovery code.";
  throw new ValidationError(wrong, [{ field: "code", message: wrong }]);
}
