import { createHmac, randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import type { User } from "../../generated/prisma/client.js";
import { accountOwner } from "../account/account-caller.js";
import { digestsEqual } from "../auth/crypto.js";
import { serverSecret } from "../auth/server-secret.js";
import type { Clock } from "../clock.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, InvalidEmailCodeError } from "../errors.js";
import { validate } from "../validate.js";
import { consumeToken } from "./user-token.js";

/** A mailed code confirms the address for this long; the link in the same mail lasts 24 hours. */
export const EMAIL_CODE_TTL_MS = 10 * 60_000;
/** Tries one code allows, right or wrong; then only a new code (or the link) confirms the address. */
export const MAX_EMAIL_CODE_ATTEMPTS = 5;

/** Keyed with a server secret: a copy of the database alone cannot try the million codes offline. */
async function codeHash(db: Db, userId: string, code: string): Promise<string> {
  const key = await serverSecret(db, "email-code-hmac");
  return createHmac("sha256", key).update(`${userId}:${code}`).digest("hex");
}

/** A fresh 6-digit code for `user`, and what the verification token stores of it. */
export async function newEmailCode(
  { db, clock }: { db: Db; clock: Clock },
  user: Pick<User, "id">,
): Promise<{ code: string; stored: { codeHash: string; codeExpiresAt: Date } }> {
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  const codeExpiresAt = new Date(clock.now().getTime() + EMAIL_CODE_TTL_MS);
  return { code, stored: { codeHash: await codeHash(db, user.id, code), codeExpiresAt } };
}

const codeInput = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6 digits from the e-mail.")),
});

/**
 * Confirms the signed-in person's address with the code from the newest confirmation mail. Every try
 * counts before the comparison, so parallel guesses cannot pass the limit.
 */
export async function confirmEmailCode({ ctx, ...input }: { ctx: ServiceContext; code: string }): Promise<User> {
  const viewer = accountOwner(ctx);
  const { code } = validate(codeInput, input);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: viewer.id } });
  if (user.emailVerified) throw new ConflictError("Your e-mail address is already confirmed.");
  // issueUserToken ends earlier tokens, so the newest live one carries the only code that counts.
  const found = await ctx.db.userToken.findFirst({
    where: { userId: user.id, purpose: "EMAIL_VERIFICATION", consumedAt: null, newEmail: user.email },
    orderBy: { createdAt: "desc" },
  });
  if (!found?.codeHash || !found.codeExpiresAt) throw new InvalidEmailCodeError("EXPIRED");
  if (found.codeAttempts >= MAX_EMAIL_CODE_ATTEMPTS) throw new InvalidEmailCodeError("TOO_MANY_ATTEMPTS");
  if (found.codeExpiresAt.getTime() <= ctx.clock.now().getTime()) throw new InvalidEmailCodeError("EXPIRED");
  const { count } = await ctx.db.userToken.updateMany({
    where: { id: found.id, consumedAt: null, codeAttempts: { lt: MAX_EMAIL_CODE_ATTEMPTS } },
    data: { codeAttempts: { increment: 1 } },
  });
  if (count !== 1) throw new InvalidEmailCodeError("TOO_MANY_ATTEMPTS");
  if (!digestsEqual(await codeHash(ctx.db, user.id, code), found.codeHash)) {
    const left = MAX_EMAIL_CODE_ATTEMPTS - found.codeAttempts - 1;
    throw left > 0 ? new InvalidEmailCodeError("WRONG_CODE", left) : new InvalidEmailCodeError("TOO_MANY_ATTEMPTS");
  }
  return ctx.db.$transaction(async (tx) => {
    await consumeToken(tx, found);
    return tx.user.update({ where: { id: user.id }, data: { emailVerified: true } });
  });
}
