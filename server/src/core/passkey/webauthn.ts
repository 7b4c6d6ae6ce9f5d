import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { decodeClientDataJSON, isoBase64URL } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Passkey } from "../../generated/prisma/client.js";
import { InvalidPasskeyError } from "../errors.js";

/** How long a browser has to answer a passkey challenge. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/** The relying party is Gatehouse's public address: its host is the RP ID, its origin the only one accepted. */
export function relyingParty(config: Pick<Config, "publicUrl">) {
  const url = new URL(config.publicUrl);
  return { id: url.hostname, origin: url.origin, name: "Gatehouse" };
}

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/, "not base64url")
  .max(16_384);
const credentialShape = {
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal("public-key"),
  authenticatorAttachment: z.string().max(32).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};
const registrationShape = z.object({
  ...credentialShape,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(32)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});
const assertionShape = z.object({
  ...credentialShape,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

/** The browser's answer (JSON, as @simplewebauthn/browser gives it) and the challenge it claims to answer. */
function parse<T extends z.ZodType<{ response: { clientDataJSON: string } }>>(
  shape: T,
  json: string,
): { response: z.infer<T>; challenge: string } {
  try {
    const response = shape.parse(JSON.parse(json)) as z.infer<T>;
    const challenge = decodeClientDataJSON(response.response.clientDataJSON).challenge;
    if (typeof challenge !== "string" || challenge.length === 0) throw new Error("no challenge");
    return { response, challenge };
  } catch {
    throw new InvalidPasskeyError("NOT_ACCEPTED");
  }
}

export const parseRegistration = (json: string) =>
  parse(registrationShape, json) as { response: RegistrationResponseJSON; challenge: string };
export const parseAssertion = (json: string) =>
  parse(assertionShape, json) as { response: AuthenticationResponseJSON; challenge: string };

/**
 * Whether `response` is a valid signature by `passkey` over `challenge`, for Gatehouse's origin and RP ID,
 * with a counter above the stored one. When it is, the counter and last use are saved, conditionally, so
 * two requests replaying one assertion cannot both count.
 */
export async function assertionHolds(
  db: Db,
  config: Pick<Config, "publicUrl">,
  passkey: Passkey,
  response: AuthenticationResponseJSON,
  challenge: string,
  requireUserVerification: boolean,
): Promise<boolean> {
  const rp = relyingParty(config);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: Number(passkey.counter),
      },
      requireUserVerification,
    });
    if (!result.verified) return false;
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    return false;
  }
  const { count } = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(newCounter), lastUsedAt: new Date() },
  });
  return count === 1;
}

/**
 * Options (for @simplewebauthn/browser) asking for a signature by one of this person's own passkeys; null
 * when they have none. The caller keeps the challenge for the answer.
 */
export async function ownPasskeyOptions(
  db: Db,
  config: Pick<Config, "publicUrl">,
  userId: string,
  userVerification: "required" | "preferred",
) {
  const passkeys = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return null;
  return generateAuthenticationOptions({
    rpID: relyingParty(config).id,
    userVerification,
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    allowCredentials: passkeys.map((passkey) => ({
      id: passkey.credentialId,
      ...(passkey.transports ? { transports: passkey.transports.split(",") } : {}),
    })),
  });
}
