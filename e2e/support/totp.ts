import { Secret, TOTP } from "otpauth";
import { graphqlSession } from "./owner";

const PERIOD_MS = 30_000;

/** The code an authenticator app shows `steps` time steps from now, for a base32 secret. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + steps * PERIOD_MS });
}

/** Keeps the journey's "now" and the server's in one time step, so "the next code" means the same to both. */
export async function clearOfStepBoundary() {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < 8000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/**
 * Sets up an authenticator app for an account through the API, as the account page does: start, then
 * confirm with the current code. Answers the secret; the current step is used up afterwards.
 */
export async function enrolTotpByApi(url: string, email: string, password: string): Promise<string> {
  const request = await graphqlSession(url, email, password);
  const started = await request<{ startTotpEnrolment: { data?: { secret: string }; message?: string } }>(
    `mutation E2E_StartTotp { startTotpEnrolment { __typename ... on StartTotpEnrolmentSuccess { data { secret } } ... on Error { message } } }`,
  );
  const secret = started.startTotpEnrolment.data?.secret;
  if (!secret) throw new Error(`startTotpEnrolment failed: ${started.startTotpEnrolment.message}`);
  await clearOfStepBoundary();
  const confirmed = await request<{ confirmTotp: { __typename: string; message?: string } }>(
    `mutation E2E_ConfirmTotp($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename ... on Error { message } } }`,
    { input: { code: totpCode(secret) } },
  );
  if (confirmed.confirmTotp.__typename !== "ConfirmTotpSuccess") {
    throw new Error(`confirmTotp failed: ${confirmed.confirmTotp.message}`);
  }
  return secret;
}
