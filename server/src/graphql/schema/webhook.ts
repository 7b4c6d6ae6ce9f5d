import { ForbiddenError, NotFoundError } from "../../core/errors.js";
import { rotateWebhookSigningSecret } from "../../core/webhook/webhook.service.js";
import { builder } from "../builder.js";

const WebhookDeliveryStatus = builder.enumType("WebhookDeliveryStatus", {
  values: ["PENDING", "DELIVERED", "FAILED"] as const,
});

/** The delivery log; like the signing secret, it is for members who manage domains. */
builder.prismaObject("WebhookDelivery", {
  include: { domain: { select: { clientId: true } } },
  authScopes: (delivery) => ({ can: { clientId: delivery.domain.clientId, permission: "domains:manage" } }),
  fields: (t) => ({
    id: t.exposeID("id", { description: "Also sent as the Gatehouse-Webhook-Id header and the payload's id." }),
    event: t.exposeString("event"),
    url: t.exposeString("url"),
    status: t.field({ type: WebhookDeliveryStatus, resolve: (delivery) => delivery.status }),
    attempts: t.exposeInt("attempts"),
    responseStatus: t.exposeInt("responseStatus", { nullable: true }),
    lastError: t.exposeString("lastError", { nullable: true }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime" }),
    lastAttemptAt: t.expose("lastAttemptAt", { type: "DateTime", nullable: true }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("Domain", "webhookDeliveries", (t) =>
  t.relatedConnection("webhookDeliveries", {
    cursor: "id",
    nullable: true,
    description: "Webhook deliveries to this domain, newest first. Needs domains:manage.",
    authScopes: (domain) => ({ can: { clientId: domain.clientId, permission: "domains:manage" } }),
    query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  }),
);

builder.prismaObjectField("Domain", "webhookSigningSecret", (t) =>
  t.exposeString("webhookSigningSecret", {
    nullable: true,
    description: "Key of the webhook signatures; null until the first event. Needs domains:manage.",
    authScopes: (domain) => ({ can: { clientId: domain.clientId, permission: "domains:manage" } }),
  }),
);

const RotatedWebhookSigningSecret = builder
  .objectRef<{ domainId: string; secret: string }>("RotatedWebhookSigningSecret")
  .implement({
    fields: (t) => ({
      domainId: t.exposeID("domainId"),
      secret: t.exposeString("secret", { description: "Signs every delivery from now on." }),
    }),
  });

builder.mutationField("rotateWebhookSigningSecret", (t) =>
  t.field({
    type: RotatedWebhookSigningSecret,
    description: "Replaces the domain's webhook signing secret at once. Needs domains:manage.",
    args: {
      input: t.arg({
        type: builder.inputType("RotateWebhookSigningSecretInput", { fields: (f) => ({ domainId: f.id() }) }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: (_root, { input }, ctx) => rotateWebhookSigningSecret({ ctx, domainId: String(input.domainId) }),
  }),
);
