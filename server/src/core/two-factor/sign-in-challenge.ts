import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Prisma, SignInChallenge, User } from "../../generated/prisma/client.js";
import { digestsEqual, randomToken, sha256 } from "../auth/crypto.js";
import { startViewerSession } from "../auth/viewer-session.js";
import type { ServiceContext } from "../context.js";
import {
  InvalidSecondFactorError,
  RateLimitedError,
  type SecondFactorMethod,
  SecondFactorRequiredError,
} from "../errors.js";
import { mailPersonQuietly } from "../mail/mail-person.js";
import { assertionHolds, parseAssertion } from "../passkey/webauthn.js";
import { validate } from "../validate.js";
import { recoveryCodeHolds, totpCodeHolds } from "./factor-codes.js";
import { isNewPlace } from "./new-device.js";

/** A sign-in waits this long for its second factor. */
const CHALLENGE_TTL_MS = 10 * 60_000;
/** A mailed code works this long. */
export const EMAIL_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes one sign-in may take; then it starts again from the password. */
export const MAX_CODE_ATTEMPTS = 5;

/** The second factors `userId` can sign in with now; recovery codes only stand in for another factor. */
export async function secondFactorMethods(ctx: ServiceContext, userId: string): Promise<SecondFactorMethod[]> {
  const [totp, email, recovery, passkeys] = await Promise.all([
    ctx.db.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    ctx.db.emailFactor.findUnique({ where: { userId }, select: { id: true } }),
    ctx.db.recoveryCode.count({ where: { userId, usedAt: null } }),
    ctx.db.passkey.count({ where: { userId } }),
  ]);
  const methods: SecondFactorMethod[] = [];
  // A passkey first: one touch, and nothing to type or phish.
  if (passkeys > 0) methods.push("PASSKEY");
  if (totp?.confirmedAt) methods.push("TOTP");
  if (email) methods.push("EMAIL");
  if (methods.length > 0 && recovery > 0) methods.push("RECOVERY_CODE");
  return methods;
}

/**
 * After the right password: an account with a second factor gets a challenge instead of a session.
 * A person whose only factor is e-mail gets the code mailed right away.
 */
export async function requireSecondFactor(ctx: ServiceContext, user: User, remember = false): Promise<void> {
  const own = await secondFactorMethods(ctx, user.id);
  // From a device and network the account never used, even an account without 2FA proves its mailbox.
  const newPlace = await isNewPlace(ctx, user.id);
  const methods: SecondFactorMethod[] = own.length === 0 && newPlace ? ["EMAIL"] : own;
  if (methods.length === 0) return;
  const challenge = randomToken(32);
  const created = await ctx.db.signInChallenge.create({
    data: {
      tokenHash: sha256(challenge),
      userId: user.id,
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
      remember,
      newPlace,
    },
  });
  // Only when the code is what the page asks for first; otherwise the person asks for one.
  if (methods[0] === "EMAIL") await mailCode(ctx, created, challenge, user);
  throw new SecondFactorRequiredError(challenge, methods, newPlace);
}

/** Only the browser holding the challenge can check a code against this hash: a database copy cannot. */
export const emailCodeHash = (challenge: string, code: string) => sha256(`${challenge}:${code}`);

/**
 * Mails a new code for this challenge (throttled per account) and stores its hash in place of the last one,
 * with `also` written in the same update. `mail` says what the code is for.
 */
export async function mailCode(
  ctx: ServiceContext,
  found: SignInChallenge,
  challenge: string,
  user: User,
  mail: "signInCode" | "reauthenticationCode" = "signInCode",
  also: Prisma.SignInChallengeUpdateInput = {},
): Promise<void> {
  const wait = await ctx.rateLimiters.emailCode(user.id);
  if (wait !== null) throw new RateLimitedError(wait);
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  await ctx.db.signInChallenge.update({
    where: { id: found.id },
    data: {
      ...also,
      emailCodeHash: emailCodeHash(challenge, code),
      emailCodeExpiresAt: new Date(Date.now() + EMAIL_CODE_TTL_MS),
    },
  });
  await mailPersonQuietly(ctx, { email: user.email, userId: user.id }, mail, { name: user.name, code });
}

const challengeInput = z.object({ challenge: z.string().min(1).max(200) });
const codeInput = challengeInput
  .extend({
    method: z.enum(["TOTP", "EMAIL", "RECOVERY_CODE", "PASSKEY"]),
    // For PASSKEY the "code" is the browser's signed answer (JSON from @simplewebauthn/browser).
    code: z.string().trim().min(1, "Enter the code.").max(65_536, "That code is too long."),
  })
  .refine((input) => input.method === "PASSKEY" || input.code.length <= 64, {
    message: "That code is too long.",
    path: ["code"],
  });

/** The live challenge for this token, or why it cannot be finished. */
export async function liveChallenge(ctx: ServiceContext, challenge: string) {
  const found = await ctx.db.signInChallenge.findUnique({
    where: { tokenHash: sha256(challenge) },
    include: { user: true },
  });
  if (!found || found.consumedAt || found.expiresAt.getTime() <= Date.now() || found.user.disabledAt) {
    throw new InvalidSecondFactorError("EXPIRED");
  }
  if (found.failedAttempts >= MAX_CODE_ATTEMPTS) throw new InvalidSecondFactorError("TOO_MANY_ATTEMPTS");
  return found;
}

/** Mails a (new) sign-in code for this challenge; earlier codes of it stop working. */
export async function sendSignInCode({ ctx, ...input }: { ctx: ServiceContext; challenge: string }): Promise<boolean> {
  const { challenge } = validate(challengeInput, input);
  const found = await liveChallenge(ctx, challenge);
  if (!found.newPlace && !(await secondFactorMethods(ctx, found.userId)).includes("EMAIL")) {
    throw new InvalidSecondFactorError("WRONG_CODE");
  }
  await mailCode(ctx, found, challenge, found.user);
  return true;
}

/** Whether `code` proves `method` for this sign-in; a TOTP step or recovery code is used up when it does. */
async function codeMatches(
  ctx: ServiceContext,
  found: SignInChallenge,
  challenge: string,
  method: SecondFactorMethod,
  code: string,
): Promise<boolean> {
  if (method === "PASSKEY") return passkeyMatches(ctx, found, code);
  if (method === "TOTP") return totpCodeHolds(ctx, found.userId, code);
  if (method === "EMAIL") {
    if (!found.emailCodeHash || !found.emailCodeExpiresAt) return false;
    if (found.emailCodeExpiresAt.getTime() <= Date.now()) throw new InvalidSecondFactorError("CODE_EXPIRED");
    return /^\d{6}$/.test(code) && digestsEqual(found.emailCodeHash, emailCodeHash(challenge, code));
  }
  return recoveryCodeHolds(ctx, found.userId, code);
}

/**
 * Whether `json` is a signature by one of this account's passkeys over the WebAuthn challenge issued for
 * this sign-in (startPasskeySecondFactor). That challenge is spent by the first answer, right or wrong.
 */
async function passkeyMatches(ctx: ServiceContext, found: SignInChallenge, json: string): Promise<boolean> {
  let answer: ReturnType<typeof parseAssertion>;
  try {
    answer = parseAssertion(json);
  } catch {
    return false;
  }
  const hash = sha256(answer.challenge);
  if (!found.passkeyChallengeHash || !digestsEqual(found.passkeyChallengeHash, hash)) return false;
  const spent = await ctx.db.signInChallenge.updateMany({
    where: { id: found.id, passkeyChallengeHash: hash },
    data: { passkeyChallengeHash: null },
  });
  if (spent.count !== 1) return false;
  const passkey = await ctx.db.passkey.findUnique({ where: { credentialId: answer.response.id } });
  if (!passkey || passkey.userId !== found.userId) return false;
  return assertionHolds(ctx.db, ctx.config, passkey, answer.response, answer.challenge, false);
}

/** Finishes a sign-in with its second factor: the session starts here, once per challenge. */
export async function verifySignIn({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  challenge: string;
  method: SecondFactorMethod;
  code: string;
}): Promise<User> {
  const { challenge, method, code } = validate(codeInput, input);
  const found = await liveChallenge(ctx, challenge);
  const wait = await ctx.rateLimiters.secondFactorBlockedFor(found.userId);
  if (wait !== null) throw new RateLimitedError(wait);
  if (!(await codeMatches(ctx, found, challenge, method, code))) {
    const updated = await ctx.db.signInChallenge.update({
      where: { id: found.id },
      data: { failedAttempts: { increment: 1 } },
    });
    await ctx.rateLimiters.secondFactorFailed(found.userId);
    const left = MAX_CODE_ATTEMPTS - updated.failedAttempts;
    throw left > 0
      ? new InvalidSecondFactorError("WRONG_CODE", left)
      : new InvalidSecondFactorError("TOO_MANY_ATTEMPTS");
  }
  const { count } = await ctx.db.signInChallenge.updateMany({
    where: { id: found.id, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  if (count !== 1) throw new InvalidSecondFactorError("EXPIRED");
  return startViewerSession(ctx, found.user, found.remember);
}
