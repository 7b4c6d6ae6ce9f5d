import { builder } from "../builder.js";

const AuditActor = builder.objectRef<{ name: string; email: string }>("AuditActor").implement({
  fields: (t) => ({ name: t.exposeString("name"), email: t.exposeString("email") }),
});

/** Events of deleted clients (clientId null) are never shown through the API. */
export const AuditEventType = builder.prismaObject("AuditEvent", {
  authScopes: (event) => (event.clientId ? { can: { clientId: event.clientId, permission: "audit:read" } } : false),
  fields: (t) => ({
    id: t.exposeID("id"),
    action: t.exposeString("action"),
    targetType: t.exposeString("targetType"),
    targetId: t.exposeString("targetId", { nullable: true }),
    details: t.exposeString("details", {
      nullable: true,
      description: "JSON text: the target's summary before and after the change.",
    }),
    ip: t.exposeString("ip", { nullable: true }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    actor: t.field({
      type: AuditActor,
      nullable: true,
      select: { actor: { select: { name: true, email: true } } },
      resolve: (event) => event.actor,
    }),
    actorTombstone: t.exposeString("actorTombstone", {
      nullable: true,
      description: "Stands for an actor whose account was deleted; the same id on each of their events.",
    }),
    actorClient: t.exposeString("actorClient", {
      nullable: true,
      description: "The client id when partner tooling acted with client credentials.",
    }),
  }),
});

builder.prismaObjectField("Client", "auditEvents", (t) =>
  t.relatedConnection("auditEvents", {
    cursor: "id",
    nullable: true,
    description: "Needs audit:read. Newest first; `since` is inclusive, `until` exclusive.",
    authScopes: (client) => ({ can: { clientId: client.id, permission: "audit:read" } }),
    args: {
      actorEmail: t.arg.string({ required: false }),
      action: t.arg.string({ required: false }),
      since: t.arg({ type: "DateTime", required: false }),
      until: t.arg({ type: "DateTime", required: false }),
    },
    query: ({ actorEmail, action, since, until }) => ({
      where: {
        ...(actorEmail ? { actor: { email: actorEmail.trim().toLowerCase() } } : {}),
        ...(action ? { action } : {}),
        ...(since || until ? { createdAt: { ...(since ? { gte: since } : {}), ...(until ? { lt: until } : {}) } } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
);
