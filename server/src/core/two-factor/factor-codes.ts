import { recordAudit } from "../audit/audit.service.js";
import { digestsEqual } from "../auth/crypto.js";
import { encryptionKey, unseal } from "../auth/sealed-box.js";
import type { ServiceContext } from "../context.js";
import { recoveryCodeHash } from "./recovery-codes.js";
import { acceptedStep } from "./totp.js";

/** Whether `code` is the person's authenticator app's code now; its time step is used up when it is. */
export async function totpCodeHolds(ctx: ServiceContext, userId: string, code: string): Promise<boolean> {
  const factor = await ctx.db.totpFactor.findUnique({ where: { userId } });
  if (!factor?.confirmedAt) return false;
  const step = acceptedStep(
    unseal(await encryptionKey(ctx.db, ctx.config), "totp-secret", factor.secretSealed),
    code,
    Date.now(),
    factor.lastUsedStep,
  );
  if (step === null) return false;
  // Conditional, so two requests racing with the same code cannot both win.
  const { count } = await ctx.db.totpFactor.updateMany({
    where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/** Whether `code` is one of the person's unused recovery codes; it is used up (and audited) when it is. */
export async function recoveryCodeHolds(ctx: ServiceContext, userId: string, code: string): Promise<boolean> {
  const hash = recoveryCodeHash(code);
  const unused = await ctx.db.recoveryCode.findMany({ where: { userId, usedAt: null } });
  const match = unused.find((candidate) => digestsEqual(candidate.codeHash, hash));
  if (!match) return false;
  const { count } = await ctx.db.recoveryCode.updateMany({
    where: { id: match.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return false;
  await recordAudit(ctx.db, {
    action: "user.recovery_code.use",
    targetType: "User",
    targetId: userId,
    actorUserId: userId,
    details: { after: { recoveryCodesLeft: unused.length - 1 } },
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
  });
  return true;
}
