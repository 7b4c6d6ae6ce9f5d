import { z } from "zod";
import { Prisma, type User } from "../../generated/prisma/client.js";
import { newSub } from "../auth/crypto.js";
import { hashPassword, PASSWORD_MIN_LENGTH, verifyAgainstNothing, verifyPassword } from "../auth/password.js";
import { endSession } from "../auth/session.js";
import { startViewerSession } from "../auth/viewer-session.js";
import type { ServiceContext } from "../context.js";
import { EmailTakenError, InvalidCredentialsError, ProofOfWorkRequiredError } from "../errors.js";
import { endOidcSessionsIfSignedOut } from "../oidc/oidc-session.js";
import { sendVerificationEmail } from "../security/security.service.js";
import { requireSecondFactor } from "../two-factor/sign-in-challenge.js";
import { checkPasswordPolicy, validate } from "../validate.js";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address.").max(320, "The e-mail address is too long."));

const signInInput = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(1024),
  proofOfWork: z.string().max(4096).nullish(),
  rememberMe: z.boolean().nullish(),
});

const registerInput = z.object({
  email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for the password.`)
    .max(256, "Use at most 256 characters for the password."),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for the name."),
  proofOfWork: z.string().max(4096).nullish(),
});

const REGISTER_CHECK_MESSAGE = "Your browser first solves a short check, so that accounts are made by people.";

/** A fresh challenge the browser solves before it sends the registration (the ALTCHA widget's input). */
export async function registrationChallenge({ ctx }: { ctx: ServiceContext }): Promise<string> {
  return JSON.stringify(await ctx.rateLimiters.registration.challenge());
}

/** Every registration carries a solved challenge, each accepted once; a refusal carries a new one. */
async function requireRegistrationCheck(ctx: ServiceContext, proofOfWork: string | null | undefined): Promise<void> {
  const check = ctx.rateLimiters.registration;
  if (!proofOfWork) {
    throw new ProofOfWorkRequiredError("REQUIRED", JSON.stringify(await check.challenge()), REGISTER_CHECK_MESSAGE);
  }
  const outcome = await check.verify(proofOfWork);
  if (outcome !== "VERIFIED") throw new ProofOfWorkRequiredError(outcome, JSON.stringify(await check.challenge()));
}

export async function signIn({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  email: string;
  password: string;
  proofOfWork?: string | null | undefined;
  rememberMe?: boolean | null | undefined;
}): Promise<User> {
  const { email, password, proofOfWork, rememberMe } = validate(signInInput, input);
  const remember = rememberMe === true;
  const throttle = ctx.rateLimiters.signIn;
  // Checked before the password, and keyed by the e-mail whether or not an account has it: no disclosure.
  await throttle.admit({ email, ip: ctx.ip, proofOfWork });
  const user = await ctx.db.user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  // A disabled account answers like a wrong password: sign-in must not reveal the operator's decision.
  if (!user || !valid || user.disabledAt) {
    await throttle.failed(email, ctx.ip);
    throw new InvalidCredentialsError();
  }
  await throttle.succeeded(email, ctx.ip);
  // With a second factor the session starts only once it is proven (verifySignIn).
  await requireSecondFactor(ctx, user, remember);
  return startViewerSession(ctx, user, remember);
}

export function splitName(name: string): { givenName: string | null; familyName: string | null } {
  const parts = name.split(/\s+/);
  return parts.length < 2
    ? { givenName: name, familyName: null }
    : { givenName: parts.slice(0, -1).join(" "), familyName: parts.at(-1) ?? null };
}

const isUniqueViolation = (error: unknown, field: string) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  error.code === "P2002" &&
  JSON.stringify(error.meta ?? {}).includes(field);

export async function register({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  email: string;
  password: string;
  name: string;
  proofOfWork?: string | null | undefined;
}): Promise<User> {
  const { email, password, name, proofOfWork } = validate(registerInput, input);
  checkPasswordPolicy(password, { email, name });
  // Before the address is looked up: finding out which addresses have accounts costs a solved check each.
  await requireRegistrationCheck(ctx, proofOfWork);
  if (await ctx.db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError();
  const passwordHash = await hashPassword(password);
  // A fresh random sub collides about once in 10^15 tries; retry rather than fail the sign-up.
  for (let attempt = 0; ; attempt++) {
    try {
      const user = await ctx.db.user.create({ data: { email, name, ...splitName(name), passwordHash, sub: newSub() } });
      await sendVerificationEmail(ctx, user);
      return await startViewerSession(ctx, user);
    } catch (error) {
      if (isUniqueViolation(error, "email")) throw new EmailTakenError();
      if (!isUniqueViolation(error, "sub") || attempt >= 3) throw error;
    }
  }
}

export async function signOut({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  const viewer = ctx.viewer;
  ctx.sessionChanges.push(await endSession(ctx.db, ctx.sessionId));
  // Apps' silent sign-in ends with the Gatehouse session (oidcSessionStands); the last sign-out clears it.
  if (viewer) await endOidcSessionsIfSignedOut(ctx.db, viewer);
  ctx.viewer = null;
  return true;
}
