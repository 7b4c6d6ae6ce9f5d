import QRCode from "qrcode";
import { z } from "zod";
import { accountOwner } from "../account/account-caller.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { encryptionKey, seal, unseal } from "../auth/sealed-box.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, ValidationError } from "../errors.js";
import { type Reauthentication, reauthenticateWith } from "../security/reauthentication.js";
import { validate } from "../validate.js";
import { hasSecondFactor } from "./policy.js";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes.js";
import { acceptedStep, newTotpSecret, totpUri } from "./totp.js";

export type TwoFactorStatus = { totpEnabled: boolean; emailEnabled: boolean; recoveryCodesLeft: number };

export async function twoFactorStatus(ctx: ServiceContext, userId: string): Promise<TwoFactorStatus> {
  const [totp, email, recoveryCodesLeft] = await Promise.all([
    ctx.db.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    ctx.db.emailFactor.findUnique({ where: { userId }, select: { id: true } }),
    ctx.db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { totpEnabled: Boolean(totp?.confirmedAt), emailEnabled: Boolean(email), recoveryCodesLeft };
}

export type TotpEnrolment = { secret: string; uri: string; qrCode: string };

/** A new authenticator secret, not yet in force: confirmTotp turns it on with one valid code. */
export async function startTotpEnrolment({ ctx }: { ctx: ServiceContext }): Promise<TotpEnrolment> {
  const viewer = accountOwner(ctx);
  const existing = await ctx.db.totpFactor.findUnique({ where: { userId: viewer.id } });
  if (existing?.confirmedAt) throw new ConflictError("An authenticator app is already set up. Turn it off first.");
  const secret = newTotpSecret();
  const secretSealed = seal(await encryptionKey(ctx.db, ctx.config), "totp-secret", secret);
  await ctx.db.totpFactor.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, secretSealed },
    update: { secretSealed, lastUsedStep: null, confirmedAt: null },
  });
  const uri = totpUri(secret, viewer.email);
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/** New recovery codes for the account, replacing any earlier ones; the plain codes are returned once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })) });
  return codes;
}

const wrongCode = () =>
  new ValidationError("That code is not right.", [
    { field: "code", message: "That code is not right. Enter the code your app shows now." },
  ]);

/** Turns the authenticator on once a code from it is right; answers the ten recovery codes, shown only now. */
export async function confirmTotp({ ctx, ...input }: { ctx: ServiceContext; code: string }): Promise<string[]> {
  const viewer = accountOwner(ctx);
  const { code } = validate(
    z.object({ code: z.string().trim().min(1, "Enter the code from your app.").max(20) }),
    input,
  );
  const factor = await ctx.db.totpFactor.findUnique({ where: { userId: viewer.id } });
  if (!factor) throw new ConflictError("Start setting up the authenticator app first.");
  if (factor.confirmedAt) throw new ConflictError("The authenticator app is already set up.");
  const step = acceptedStep(
    unseal(await encryptionKey(ctx.db, ctx.config), "totp-secret", factor.secretSealed),
    code,
    Date.now(),
    factor.lastUsedStep,
  );
  if (step === null) throw wrongCode();
  return audited(ctx, null, async (tx) => {
    const { count } = await tx.totpFactor.updateMany({
      where: { id: factor.id, confirmedAt: null },
      data: { confirmedAt: new Date(), lastUsedStep: step },
    });
    if (count !== 1) throw new ConflictError("The authenticator app is already set up.");
    const codes = await replaceRecoveryCodes(tx, viewer.id);
    return { result: codes, action: "user.two_factor.totp.enable", targetType: "User", targetId: viewer.id };
  });
}

/** Recovery codes stand in for a factor; with none left they go too. */
export async function dropRecoveryCodesIfNoFactor(tx: Tx, userId: string): Promise<void> {
  const [totp, email, passkeys] = await Promise.all([
    tx.totpFactor.count({ where: { userId, confirmedAt: { not: null } } }),
    tx.emailFactor.count({ where: { userId } }),
    tx.passkey.count({ where: { userId } }),
  ]);
  if (totp + email + passkeys === 0) await tx.recoveryCode.deleteMany({ where: { userId } });
}

/**
 * Turns the authenticator off; whoever holds only the session cannot. A code from this same app is proof
 * enough (it shows the person holds the app, as account deletion accepts); its time step is spent before
 * the factor goes, so the code cannot confirm anything else.
 */
export async function disableTotp({ ctx, ...proof }: { ctx: ServiceContext } & Reauthentication) {
  const user = await reauthenticateWith(ctx, proof);
  return audited(ctx, null, async (tx) => {
    const { count } = await tx.totpFactor.deleteMany({ where: { userId: user.id } });
    if (count === 0) throw new ConflictError("No authenticator app is set up.");
    await dropRecoveryCodesIfNoFactor(tx, user.id);
    return { result: true, action: "user.two_factor.totp.disable", targetType: "User", targetId: user.id };
  });
}

/** Codes by e-mail as a second factor, for a confirmed address; answers new recovery codes when there were none. */
export async function enableEmailFactor({ ctx }: { ctx: ServiceContext }): Promise<string[]> {
  const viewer = accountOwner(ctx);
  if (!viewer.emailVerified) throw new ConflictError("Confirm your e-mail address first.");
  return audited(ctx, null, async (tx) => {
    if (await tx.emailFactor.findUnique({ where: { userId: viewer.id } })) {
      throw new ConflictError("Codes by e-mail are already on.");
    }
    await tx.emailFactor.create({ data: { userId: viewer.id } });
    const hasCodes = (await tx.recoveryCode.count({ where: { userId: viewer.id, usedAt: null } })) > 0;
    const codes = hasCodes ? [] : await replaceRecoveryCodes(tx, viewer.id);
    return { result: codes, action: "user.two_factor.email.enable", targetType: "User", targetId: viewer.id };
  });
}

export async function disableEmailFactor({ ctx, ...proof }: { ctx: ServiceContext } & Reauthentication) {
  const user = await reauthenticateWith(ctx, proof);
  return audited(ctx, null, async (tx) => {
    const { count } = await tx.emailFactor.deleteMany({ where: { userId: user.id } });
    if (count === 0) throw new ConflictError("Codes by e-mail are not on.");
    await dropRecoveryCodesIfNoFactor(tx, user.id);
    return { result: true, action: "user.two_factor.email.disable", targetType: "User", targetId: user.id };
  });
}

/** Ten fresh recovery codes (the old ones stop working), after proof that it is the person. */
export async function regenerateRecoveryCodes({ ctx, ...proof }: { ctx: ServiceContext } & Reauthentication) {
  const user = await reauthenticateWith(ctx, proof);
  if (!(await hasSecondFactor(ctx.db, user.id))) throw new ConflictError("Turn on a second factor first.");
  return audited(ctx, null, async (tx) => ({
    result: await replaceRecoveryCodes(tx, user.id),
    action: "user.recovery_codes.regenerate",
    targetType: "User",
    targetId: user.id,
  }));
}
