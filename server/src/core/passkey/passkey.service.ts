import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import type { Passkey } from "../../generated/prisma/client.js";
import { Prisma } from "../../generated/prisma/client.js";
import { accountOwner } from "../account/account-caller.js";
import { enabledProviderSlugs, keepAnotherWayIn } from "../account/ways-in.js";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { ConflictError, InvalidPasskeyError, NotFoundError } from "../errors.js";
import { type Reauthentication, reauthenticateWith } from "../security/reauthentication.js";
import { dropRecoveryCodesIfNoFactor, replaceRecoveryCodes } from "../two-factor/two-factor.service.js";
import { validate } from "../validate.js";
import { spendChallenge, storeChallenge } from "./challenge.js";
import { PASSKEY_CHALLENGE_TTL_MS, parseRegistration, relyingParty } from "./webauthn.js";

/** More than anyone needs; keeps one account from filling the table. */
const MAX_PASSKEYS = 20;

const passkeyName = z
  .string()
  .trim()
  .min(1, "Give the passkey a name, such as the device it is on.")
  .max(60, "Keep the name under 60 characters.");

export async function listPasskeys(ctx: ServiceContext, userId: string): Promise<Passkey[]> {
  return ctx.db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

/**
 * The options for the browser to create a passkey for the signed-in person (JSON for
 * @simplewebauthn/browser): a discoverable credential with user verification, so it can also sign in
 * without a password. The person's own passkeys are excluded, so one device is not registered twice.
 */
export async function startPasskeyRegistration({ ctx }: { ctx: ServiceContext }): Promise<string> {
  const viewer = accountOwner(ctx);
  const existing = await ctx.db.passkey.findMany({
    where: { userId: viewer.id },
    select: { credentialId: true, transports: true },
  });
  if (existing.length >= MAX_PASSKEYS) throw new ConflictError(`You can keep at most ${MAX_PASSKEYS} passkeys.`);
  const rp = relyingParty(ctx.config);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: viewer.email,
    userDisplayName: viewer.name,
    // The user handle is the internal id: no e-mail or public sub on the authenticator.
    userID: new TextEncoder().encode(viewer.id),
    attestationType: "none",
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      ...(passkey.transports ? { transports: passkey.transports.split(",") } : {}),
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await storeChallenge(ctx, options.challenge, "register", { userId: viewer.id });
  return JSON.stringify(options);
}

export type PasskeyRegistration = { passkey: Passkey; recoveryCodes: string[] };

/**
 * Checks the browser's new credential against the challenge Gatehouse issued to this person, and keeps
 * its public key under the name they chose. Answers new recovery codes when the person had none.
 */
export async function finishPasskeyRegistration({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  response: string;
  name: string;
}): Promise<PasskeyRegistration> {
  const viewer = accountOwner(ctx);
  const { name } = validate(z.object({ name: passkeyName }), input);
  const { response, challenge } = parseRegistration(input.response);
  await spendChallenge(ctx, challenge, "register", viewer.id);
  const rp = relyingParty(ctx.config);
  let info: Awaited<ReturnType<typeof verifyRegistrationResponse>>["registrationInfo"];
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
    info = result.verified ? result.registrationInfo : undefined;
  } catch {
    info = undefined;
  }
  if (!info) throw new InvalidPasskeyError("NOT_ACCEPTED");
  const { credential } = info;
  try {
    return await audited(ctx, null, async (tx) => {
      const passkey = await tx.passkey.create({
        data: {
          userId: viewer.id,
          credentialId: credential.id,
          publicKey: isoBase64URL.fromBuffer(credential.publicKey),
          counter: BigInt(credential.counter),
          transports: credential.transports?.length ? credential.transports.join(",") : null,
          name,
          backedUp: info.credentialBackedUp,
        },
      });
      const hasCodes = (await tx.recoveryCode.count({ where: { userId: viewer.id, usedAt: null } })) > 0;
      const recoveryCodes = hasCodes ? [] : await replaceRecoveryCodes(tx, viewer.id);
      return {
        result: { passkey, recoveryCodes },
        action: "user.passkey.register",
        targetType: "User",
        targetId: viewer.id,
        after: { passkeyId: passkey.id, name },
      };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("This passkey is already registered.");
    }
    throw error;
  }
}

export async function renamePasskey({
  ctx,
  ...input
}: {
  ctx: ServiceContext;
  id: string;
  name: string;
}): Promise<Passkey> {
  const viewer = accountOwner(ctx);
  const { id, name } = validate(z.object({ id: z.string().min(1).max(64), name: passkeyName }), input);
  return audited(ctx, null, async (tx) => {
    const found = await tx.passkey.findFirst({ where: { id, userId: viewer.id } });
    if (!found) throw new NotFoundError("No such passkey.");
    const passkey = await tx.passkey.update({ where: { id }, data: { name } });
    return {
      result: passkey,
      action: "user.passkey.rename",
      targetType: "User",
      targetId: viewer.id,
      before: { passkeyId: id, name: found.name },
      after: { passkeyId: id, name },
    };
  });
}

/**
 * Removes one of the person's passkeys. Like turning off any factor, it needs proof that it is them: the
 * password, a fresh passkey assertion or a code, whichever they have. The last way to sign in stays.
 */
export async function removePasskey({
  ctx,
  id: rawId,
  ...proof
}: { ctx: ServiceContext; id: string } & Reauthentication): Promise<boolean> {
  const { id } = validate(z.object({ id: z.string().min(1).max(64) }), { id: rawId });
  const confirmed = await reauthenticateWith(ctx, proof);
  const enabledSlugs = await enabledProviderSlugs(ctx);
  return audited(ctx, null, async (tx) => {
    const found = await tx.passkey.findFirst({ where: { id, userId: confirmed.id } });
    if (!found) throw new NotFoundError("No such passkey.");
    const user = await keepAnotherWayIn(tx, confirmed.id, enabledSlugs, { passkeyId: id });
    await tx.passkey.delete({ where: { id } });
    await dropRecoveryCodesIfNoFactor(tx, user.id);
    return {
      result: true,
      action: "user.passkey.remove",
      targetType: "User",
      targetId: user.id,
      before: { passkeyId: id, name: found.name },
    };
  });
}
