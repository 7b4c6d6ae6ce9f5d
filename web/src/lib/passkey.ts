import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import { i18n } from "../i18n/i18n";

/** Whether this browser can use passkeys at all; the buttons hide when it cannot. */
export const passkeysSupported = () => browserSupportsWebAuthn();

/** The browser's answer to Gatehouse's options, as JSON for the server; or why there is none. */
export type PasskeyOutcome = { ok: true; response: string } | { ok: false; message: string };

function problem(error: unknown): PasskeyOutcome {
  const name = error instanceof Error ? error.name : "";
  // NotAllowedError: the person cancelled, or the browser timed out waiting for them.
  if (name === "NotAllowedError" || name === "AbortError") {
    return { ok: false, message: i18n.t("passkey.cancelled") };
  }
  if (name === "InvalidStateError") return { ok: false, message: i18n.t("passkey.alreadyHere") };
  return { ok: false, message: i18n.t("passkey.unavailable") };
}

/** Creates a passkey with the options startPasskeyRegistration answered. */
export async function createPasskey(optionsJson: string): Promise<PasskeyOutcome> {
  try {
    const optionsJSON = JSON.parse(optionsJson) as PublicKeyCredentialCreationOptionsJSON;
    return { ok: true, response: JSON.stringify(await startRegistration({ optionsJSON })) };
  } catch (error) {
    return problem(error);
  }
}

/** Signs Gatehouse's challenge with a passkey (startPasskeySignIn or startPasskeySecondFactor options). */
export async function answerWithPasskey(optionsJson: string): Promise<PasskeyOutcome> {
  try {
    const optionsJSON = JSON.parse(optionsJson) as PublicKeyCredentialRequestOptionsJSON;
    return { ok: true, response: JSON.stringify(await startAuthentication({ optionsJSON })) };
  } catch (error) {
    return problem(error);
  }
}
