import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import { sha256 } from "../auth/crypto.js";
import { startViewerSession } from "../auth/viewer-session.js";
import type { ServiceContext } from "../context.js";
import { InvalidPasskeyError, InvalidSecondFactorError } from "../errors.js";
import { liveChallenge } from "../two-factor/sign-in-challenge.js";
import { validate } from "../validate.js";
import { spendChallenge, storeChallenge } from "./challenge.js";
import {
  assertionHolds,
  ownPasskeyOptions,
  PASSKEY_CHALLENGE_TTL_MS,
  parseAssertion,
  relyingParty,
} from "./webauthn.js";

/**
 * Options for a passwordless sign-in: no account is named (the browser offers the person's discoverable
 * passkeys for this site), and the authenticator must verify the person (PIN or biometrics).
 */
export async function startPasskeySignIn({ ctx, rememberMe }: { ctx: ServiceContext; rememberMe?: boolean | null }) {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.config).id,
    userVerification: "required",
    timeout: PASSKEY_CHALLENGE_TTL_MS,
  });
  await storeChallenge(ctx, options.challenge, "sign_in", { remember: rememberMe === true });
  return JSON.stringify(options);
}

/**
 * Signs in with a passkey alone. The passkey is something the person has, unlocked by something they
 * know or are (user verification), so it stands for both factors: no second step and no new-place
 * check follow, but the session, remember me and the new-sign-in notice are those of every sign-in.
 */
export async function finishPasskeySignIn({ ctx, ...input }: { ctx: ServiceContext; response: string }): Promise<User> {
  const { response: json } = validate(z.object({ response: z.string().min(2).max(65_536) }), input);
  const { response, challenge } = parseAssertion(json);
  const spent = await spendChallenge(ctx, challenge, "sign_in", null);
  const passkey = await ctx.db.passkey.findUnique({ where: { credentialId: response.id }, include: { user: true } });
  if (!passkey || passkey.user.disabledAt) throw new InvalidPasskeyError("NOT_ACCEPTED");
  // A discoverable credential names its account; it must be the one the passkey was registered to.
  const handle = response.response.userHandle;
  if (handle && new TextDecoder().decode(isoBase64URL.toBuffer(handle)) !== passkey.userId) {
    throw new InvalidPasskeyError("NOT_ACCEPTED");
  }
  const { user, ...stored } = passkey;
  if (!(await assertionHolds(ctx.db, ctx.config, stored, response, challenge, true))) {
    throw new InvalidPasskeyError("NOT_ACCEPTED");
  }
  return startViewerSession(ctx, user, spent.remember);
}

/**
 * Options for a passkey as the second step of a sign-in that already has its password: only this
 * account's passkeys are allowed, and the challenge is kept (hashed) on the sign-in, for verifySignIn.
 */
export async function startPasskeySecondFactor({ ctx, ...input }: { ctx: ServiceContext; challenge: string }) {
  const { challenge } = validate(z.object({ challenge: z.string().min(1).max(200) }), input);
  const found = await liveChallenge(ctx, challenge);
  const options = await ownPasskeyOptions(ctx.db, ctx.config, found.userId, "preferred");
  if (!options) throw new InvalidSecondFactorError("WRONG_CODE");
  await ctx.db.signInChallenge.update({
    where: { id: found.id },
    data: { passkeyChallengeHash: sha256(options.challenge) },
  });
  return JSON.stringify(options);
}
