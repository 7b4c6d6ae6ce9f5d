import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { Config } from "../../config.js";
import type { Db } from "../../db.js";
import type { WebhookDelivery } from "../../generated/prisma/client.js";
import { signWebhook } from "./webhook-signature.js";

export const MAX_ATTEMPTS = 8;
const LOCK_MS = 60_000;
const TIMEOUT_MS = 5_000;
const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 60 * 60_000;
const BATCH_SIZE = 20;
export const REFUSED_DESTINATION = "Destination address not allowed";

type Fetch = typeof globalThis.fetch;
type Lookup = (host: string) => Promise<{ address: string }[]>;

/** Addresses a webhook may not reach unless its domain is in test mode: this host and private networks. */
const forbidden = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const) {
  forbidden.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  forbidden.addSubnet(network, prefix, "ipv6");
}

export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (family === 0) return true;
  return forbidden.check(ip, family === 4 ? "ipv4" : "ipv6");
}

const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Every address the host resolves to must be public; an IP literal is checked as is. */
async function destinationAllowed(url: URL, lookup: Lookup): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return !isForbiddenAddress(host);
  try {
    const addresses = await lookup(host);
    return addresses.length > 0 && addresses.every(({ address }) => !isForbiddenAddress(address));
  } catch {
    return false;
  }
}

/** 10 s, 20 s, 40 s ... capped at 1 h, plus up to 20% jitter so failed receivers are not hit in lockstep. */
export function retryDelayMs(previousAttempts: number, random = Math.random()): number {
  const base = Math.min(2 ** previousAttempts * BASE_DELAY_MS, MAX_DELAY_MS);
  return Math.round(base * (1 + 0.2 * random));
}

/** Short and free of secrets: the status, or the kind of network failure. */
function describeError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `Timed out after ${TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `Connection failed (${code})` : "Connection failed";
}

/**
 * Takes the row for this worker: an atomic conditional update, so that of several instances ticking
 * at once exactly one wins it. The lock lapses after a minute in case the winner dies mid-delivery.
 */
async function claim(db: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: {
      id,
      status: "PENDING",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    data: { lockedUntil: new Date(now.getTime() + LOCK_MS) },
  });
  return count === 1;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string; final?: boolean };

async function attempt(
  db: Db,
  delivery: WebhookDelivery,
  now: Date,
  fetchImpl: Fetch,
  lookup: Lookup,
): Promise<Outcome> {
  const domain = await db.domain.findUnique({
    where: { id: delivery.domainId },
    select: { testMode: true, webhookSigningSecret: true },
  });
  if (!domain?.webhookSigningSecret) return { ok: false, status: null, error: "No signing secret", final: true };
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return { ok: false, status: null, error: "Invalid URL", final: true };
  }
  if (
    !domain.testMode &&
    ((url.protocol !== "https:" && url.protocol !== "http:") || !(await destinationAllowed(url, lookup)))
  ) {
    return { ok: false, status: null, error: REFUSED_DESTINATION, final: true };
  }
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Gatehouse-Webhooks/1",
        ...signWebhook(domain.webhookSigningSecret, delivery.id, delivery.payload, now),
      },
      body: delivery.payload,
      // A redirect could lead to a private address, so it counts as a failure instead of being followed.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, error: describeError(error) };
  }
}

async function deliverOne(db: Db, delivery: WebhookDelivery, now: Date, fetchImpl: Fetch, lookup: Lookup) {
  const outcome = await attempt(db, delivery, now, fetchImpl, lookup);
  const attempts = delivery.attempts + 1;
  const common = { attempts, lastAttemptAt: now, lockedUntil: null, responseStatus: outcome.status };
  if (outcome.ok) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...common, status: "DELIVERED", deliveredAt: now, lastError: null },
    });
    return "DELIVERED" as const;
  }
  const failed = outcome.final === true || attempts >= MAX_ATTEMPTS;
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      ...common,
      status: failed ? "FAILED" : "PENDING",
      lastError: outcome.error.slice(0, 200),
      ...(failed ? {} : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts)) }),
    },
  });
  return failed ? ("FAILED" as const) : ("RETRY" as const);
}

export type DeliveryTick = { delivered: string[]; retrying: string[]; failed: string[] };

/**
 * One pass of the queue: claims the due deliveries and attempts each once. Tests call it with their
 * own `now` instead of waiting for timers.
 */
export async function deliverDueWebhooks({
  db,
  now = new Date(),
  fetch: fetchImpl = globalThis.fetch,
  lookup = systemLookup,
  batchSize = BATCH_SIZE,
}: {
  db: Db;
  now?: Date;
  fetch?: Fetch;
  lookup?: Lookup;
  batchSize?: number;
}): Promise<DeliveryTick> {
  const due = await db.webhookDelivery.findMany({
    where: {
      status: "PENDING",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: batchSize,
  });
  const tick: DeliveryTick = { delivered: [], retrying: [], failed: [] };
  await Promise.all(
    due.map(async (delivery) => {
      if (!(await claim(db, delivery.id, now))) return;
      // Re-read once ours: another worker may have attempted it since the list was read.
      const claimed = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      const result = await deliverOne(db, claimed, now, fetchImpl, lookup);
      (result === "DELIVERED" ? tick.delivered : result === "RETRY" ? tick.retrying : tick.failed).push(delivery.id);
    }),
  );
  return tick;
}

/** Delivers queued webhooks every `intervalMs` until stopped; stop() waits for the pass in flight. */
export function startWebhookWorker({
  db,
  config: _config,
  intervalMs = 5_000,
  fetch: fetchImpl,
  lookup,
}: {
  db: Db;
  config: Config;
  intervalMs?: number;
  fetch?: Fetch;
  lookup?: Lookup;
}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = deliverDueWebhooks({ db, fetch: fetchImpl, lookup })
      .catch((error: unknown) => console.error("Webhook delivery pass failed:", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
