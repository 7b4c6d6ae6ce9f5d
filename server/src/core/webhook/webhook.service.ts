import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Domain } from "../../generated/prisma/client.js";
import { audited, type Tx } from "../audit/audit.service.js";
import { randomToken } from "../auth/crypto.js";
import { requireOwned } from "../client/client-access.js";
import type { ServiceContext } from "../context.js";

export const WEBHOOK_EVENTS = [
  "consent.revoked",
  "access_request.accepted",
  "access_request.declined",
  "secret.expiring",
  "user.deleted",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The database handle or a transaction: events are enqueued inside the change that causes them. */
export type WebhookDb = Pick<Db | Tx, "domain" | "webhookDelivery">;

export const newWebhookSigningSecret = () => `whsec_${randomToken(32)}`;

/** The domain's signing secret, created on first use; conditional so two racing enqueues agree on one. */
async function signingSecretOf(db: WebhookDb, domain: Pick<Domain, "id" | "webhookSigningSecret">) {
  if (domain.webhookSigningSecret) return domain.webhookSigningSecret;
  await db.domain.updateMany({
    where: { id: domain.id, webhookSigningSecret: null },
    data: { webhookSigningSecret: newWebhookSigningSecret() },
  });
  const { webhookSigningSecret } = await db.domain.findUniqueOrThrow({
    where: { id: domain.id },
    select: { webhookSigningSecret: true },
  });
  return webhookSigningSecret;
}

/**
 * Queues one delivery of `event` per active webhook URL of the client's active domains. The rows
 * are the queue: the worker of any instance delivers them, so a restart loses nothing.
 * Returns the ids of the queued deliveries.
 */
export async function enqueueWebhook(
  db: WebhookDb,
  {
    clientId,
    event,
    payload,
    now = new Date(),
  }: { clientId: string; event: WebhookEvent; payload: unknown; now?: Date },
): Promise<string[]> {
  const domains = await db.domain.findMany({
    where: { clientId, active: true, urls: { some: { kind: "WEBHOOK", active: true } } },
    select: {
      id: true,
      webhookSigningSecret: true,
      urls: { where: { kind: "WEBHOOK", active: true }, select: { url: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
  const ids: string[] = [];
  for (const domain of domains) {
    await signingSecretOf(db, domain);
    for (const { url } of domain.urls) {
      const id = randomUUID();
      const body = { id, event, created_at: now.toISOString(), data: payload };
      await db.webhookDelivery.create({
        data: {
          id,
          domainId: domain.id,
          url,
          event,
          payload: JSON.stringify(body),
          nextAttemptAt: now,
          createdAt: now,
        },
      });
      ids.push(id);
    }
  }
  return ids;
}

/** A new signing secret for the domain; deliveries from now on are signed with it. */
export async function rotateWebhookSigningSecret({ ctx, domainId }: { ctx: ServiceContext; domainId: string }) {
  const domain = await requireOwned(
    ctx,
    await ctx.db.domain.findUnique({ where: { id: domainId } }),
    "domains:manage",
    "Domain",
  );
  const secret = newWebhookSigningSecret();
  return audited(ctx, domain.clientId, async (tx) => {
    await tx.domain.update({ where: { id: domain.id }, data: { webhookSigningSecret: secret } });
    return {
      result: { domainId: domain.id, secret },
      action: "domain.webhookSecretRotated",
      targetType: "Domain",
      targetId: domain.id,
      before: { hadSecret: domain.webhookSigningSecret !== null },
      after: { rotated: true },
    };
  });
}
