import { createHmac } from "node:crypto";
import type { User } from "../../generated/prisma/client.js";
import { accountOwner } from "../account/account-caller.js";
import { digestsEqual, sha256 } from "../auth/crypto.js";
import { serverSecret } from "../auth/server-secret.js";
import type { ServiceContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { hasAppOrPasskey } from "../two-factor/policy.js";
import { EMAIL_CODE_TTL_MS, emailCodeHash, MAX_CODE_ATTEMPTS, mailCode } from "../two-factor/sign-in-challenge.js";

export const EMAIL_CODE_REFUSED =
  "Your account confirms changes with your authenticator app or a passkey, not with a code by e-mail.";

/**
 * Whether a code mailed to the person may confirm a sensitive change: only with a confirmed address and
 * neither an authenticator app nor a passkey. The mailbox can already reset such an account's password, so
 * the code proves no less than the account trusts now; an app or a passkey stays the only second-factor proof
 * of an account that has one.
 */
export async function emailCodeMayConfirm(ctx: ServiceContext, user: Pick<User, "id" | "emailVerified">) {
  return user.emailVerified && !(await hasAppOrPasskey(ctx.db, user.id));
}

/**
 * The code lives in a sign-in challenge row whose token only the server can derive (keyed per person), so no
 * sign-in can ever be finished with it, each person has exactly one, and a code hashed for A never matches B's.
 */
async function codeChallenge(ctx: ServiceContext, userId: string): Promise<string> {
  const key = await serverSecret(ctx.db, "reauthentication-code");
  return createHmac("sha256", key).update(userId).digest("hex");
}

/** "ada@example.org" → "a•••@example.org": enough for the person to know which mailbox to open. */
export const maskedEmail = (email: string) => email.replace(/^(.)[^@]*/, "$1•••");

/**
 * Mails the signed-in person a 6-digit code to confirm a sensitive change with; a new one replaces the last.
 * Throttled with the sign-in codes. Answers the address it went to, masked.
 */
export async function sendReauthenticationCode({ ctx }: { ctx: ServiceContext }): Promise<string> {
  const viewer = accountOwner(ctx);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: viewer.id } });
  if (!user.emailVerified) throw new ConflictError("Confirm your e-mail address first, then ask for a code.");
  if (!(await emailCodeMayConfirm(ctx, user))) throw new ConflictError(EMAIL_CODE_REFUSED);
  const challenge = await codeChallenge(ctx, user.id);
  const tokenHash = sha256(challenge);
  const expiresAt = new Date(Date.now() + EMAIL_CODE_TTL_MS);
  const found = await ctx.db.signInChallenge.upsert({
    where: { tokenHash },
    create: { tokenHash, userId: user.id, expiresAt },
    update: {},
  });
  // The new code starts afresh: unspent, no wrong tries.
  await mailCode(ctx, found, challenge, user, "reauthenticationCode", {
    expiresAt,
    consumedAt: null,
    failedAttempts: 0,
  });
  return maskedEmail(user.email);
}

/**
 * Whether `code` is the newest code mailed to this person, unexpired and unspent; it is spent when it is. Every
 * try counts against that code's MAX_CODE_ATTEMPTS before the comparison, so parallel guesses cannot pass it.
 */
export async function reauthenticationCodeHolds(ctx: ServiceContext, userId: string, code: string): Promise<boolean> {
  const challenge = await codeChallenge(ctx, userId);
  const found = await ctx.db.signInChallenge.findUnique({ where: { tokenHash: sha256(challenge) } });
  const now = ctx.clock.now();
  if (
    !found?.emailCodeHash ||
    !found.emailCodeExpiresAt ||
    found.consumedAt ||
    found.emailCodeExpiresAt.getTime() <= now.getTime() ||
    found.failedAttempts >= MAX_CODE_ATTEMPTS
  ) {
    return false;
  }
  const tried = await ctx.db.signInChallenge.updateMany({
    where: { id: found.id, consumedAt: null, failedAttempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { failedAttempts: { increment: 1 } },
  });
  if (tried.count !== 1) return false;
  if (!/^\d{6}$/.test(code) || !digestsEqual(found.emailCodeHash, emailCodeHash(challenge, code))) return false;
  const spent = await ctx.db.signInChallenge.updateMany({
    where: { id: found.id, consumedAt: null },
    data: { consumedAt: now },
  });
  return spent.count === 1;
}
