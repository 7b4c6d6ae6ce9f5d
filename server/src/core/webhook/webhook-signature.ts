import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_VERSION = "v1";

/** The three headers every delivery carries; partners check them with the domain's signing secret. */
export type WebhookHeaders = {
  "Gatehouse-Webhook-Id": string;
  "Gatehouse-Webhook-Timestamp": string;
  "Gatehouse-Webhook-Signature": string;
};

/** Hex HMAC-SHA256 over `${timestamp}.${body}`, so a captured body cannot be replayed with a new timestamp. */
export function webhookSignature(secret: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signWebhook(secret: string, deliveryId: string, body: string, now: Date): WebhookHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "Gatehouse-Webhook-Id": deliveryId,
    "Gatehouse-Webhook-Timestamp": String(timestamp),
    "Gatehouse-Webhook-Signature": `${SIGNATURE_VERSION}=${webhookSignature(secret, timestamp, body)}`,
  };
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(found) ? found[0] : found;
}

/**
 * True when `body` (the raw request body, unparsed) was signed with `secret` no more than
 * `toleranceSeconds` from `now`. Several `v1=` values (comma- or space-separated) are accepted so
 * that a receiver keeps working while a secret is being rotated.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: HeaderSource,
  body: string,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  const timestamp = header(headers, "Gatehouse-Webhook-Timestamp");
  const signature = header(headers, "Gatehouse-Webhook-Signature");
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), "hex");
  return signature
    .split(/[\s,]+/)
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .some((part) => {
      const given = Buffer.from(part.slice(SIGNATURE_VERSION.length + 1), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
