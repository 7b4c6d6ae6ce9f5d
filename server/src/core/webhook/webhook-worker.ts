import { type Dispatcher, fetch as undiciFetch } from "undici";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { WebhookDelivery } from "../../generated/prisma/client.js";
import {
  type Lookup,
  literalHostAllowed,
  REFUSED_DESTINATION,
  systemLookup,
  webhookDispatcher,
} from "./webhook-destination.js";
import { signWebhook } from "./webhook-signature.js";

export { isForbiddenAddress, REFUSED_DESTINATION } from "./webhook-destination.js";

export const MAX_ATTEMPTS = 8;
const LOCK_MS = 60_000;
const TIMEOUT_MS = 5_000;
const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 60 * 60_000;
const BATCH_SIZE = 20;

type WebhookRequest = {
  method: "POST";
  headers: Record<string, string>;
  body: string;
  redirect: "manual";
  signal: AbortSignal;
  dispatcher: Dispatcher;
};
/** undici's fetch by default; tests pass a fake one that never dials. */
export type WebhookFetch = (
  url: URL,
  init: WebhookRequest,
) => Promise<{ status: number; body: { cancel(): Promise<void> } | null }>;

/** 10 s, 20 s, 40 s ... capped at 1 h, plus up to 20% jitter so failed receivers are not hit in lockstep. */
export function retryDelayMs(previousAttempts: number, random = Math.random()): number {
  const base = Math.min(2 ** previousAttempts * BASE_DELAY_MS, MAX_DELAY_MS);
  return Math.round(base * (1 + 0.2 * random));
}

/** Every error in fetch's chain of causes, outermost first. */
function* causes(error: unknown): Generator<{ name?: unknown; code?: unknown }> {
  for (let depth = 0; error instanceof Error && depth < 5; depth++, error = error.cause) yield error as never;
}

/** Members read the log, so it names only the kind of failure: never a body, host detail or error text. */
function describeError(error: unknown): { message: string; final?: boolean } {
  for (const cause of causes(error)) {
    if (cause.code === "GATEHOUSE_DESTINATION_REFUSED") return { message: REFUSED_DESTINATION, final: true };
    if (cause.name === "TimeoutError" || cause.name === "AbortError" || cause.code === "UND_ERR_CONNECT_TIMEOUT") {
      return { message: `Timed out after ${TIMEOUT_MS / 1000} s` };
    }
    if (cause.code === "ECONNREFUSED") return { message: "Connection refused" };
    if (cause.code === "ENOTFOUND" || cause.code === "EAI_AGAIN") return { message: "Host not found" };
  }
  return { message: "Connection failed" };
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

type Sender = { fetch: WebhookFetch; dispatcher: Dispatcher; allowPrivate: boolean };

async function attempt(db: Db, delivery: WebhookDelivery, now: Date, sender: Sender): Promise<Outcome> {
  const domain = await db.domain.findUnique({
    where: { id: delivery.domainId },
    select: { webhookSigningSecret: true },
  });
  if (!domain?.webhookSigningSecret) return { ok: false, status: null, error: "No signing secret", final: true };
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return { ok: false, status: null, error: "Invalid URL", final: true };
  }
  // Host names are checked by the dispatcher at dial time; IP literals are never looked up.
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !literalHostAllowed(url, sender.allowPrivate)) {
    return { ok: false, status: null, error: REFUSED_DESTINATION, final: true };
  }
  try {
    const response = await sender.fetch(url, {
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
      dispatcher: sender.dispatcher,
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const { message, final } = describeError(error);
    return { ok: false, status: null, error: message, ...(final ? { final } : {}) };
  }
}

async function deliverOne(db: Db, delivery: WebhookDelivery, now: Date, sender: Sender) {
  const outcome = await attempt(db, delivery, now, sender);
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
  config,
  now = new Date(),
  fetch = undiciFetch,
  lookup = systemLookup,
  batchSize = BATCH_SIZE,
}: {
  db: Db;
  config: Pick<Config, "webhookAllowPrivate">;
  now?: Date;
  fetch?: WebhookFetch;
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
  if (due.length === 0) return tick;
  const allowPrivate = config.webhookAllowPrivate;
  const sender: Sender = { fetch, dispatcher: webhookDispatcher(lookup, allowPrivate), allowPrivate };
  try {
    await Promise.all(
      due.map(async (delivery) => {
        if (!(await claim(db, delivery.id, now))) return;
        // Re-read once ours: another worker may have attempted it since the list was read.
        const claimed = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
        const result = await deliverOne(db, claimed, now, sender);
        (result === "DELIVERED" ? tick.delivered : result === "RETRY" ? tick.retrying : tick.failed).push(delivery.id);
      }),
    );
  } finally {
    await sender.dispatcher.destroy();
  }
  return tick;
}

/** Delivers queued webhooks every `intervalMs` until stopped; stop() waits for the pass in flight. */
export function startWebhookWorker({
  db,
  config,
  intervalMs = 5_000,
  fetch,
  lookup,
}: {
  db: Db;
  config: Config;
  intervalMs?: number;
  fetch?: WebhookFetch;
  lookup?: Lookup;
}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = deliverDueWebhooks({ db, config, fetch, lookup })
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
