import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import {
  createClientSecret,
  DEFAULT_ROTATION_GRACE_DAYS,
  linkSecretToDomain,
  revokeClientSecret,
  rotateClientSecret,
  unlinkSecretFromDomain,
  updateClientSecretExpiry,
} from "../../core/secret/secret.service.js";
import type { ClientSecret } from "../../generated/prisma/client.js";
import { builder } from "../builder.js";

/** A domain a secret works from; kept small so this module does not depend on the Domain type. */
const SecretDomainLink = builder.objectRef<{ domainId: string; rootDomain: string }>("SecretDomainLink").implement({
  fields: (t) => ({ domainId: t.exposeID("domainId"), rootDomain: t.exposeString("rootDomain") }),
});

/** Only members with secrets:manage see secrets at all, labels included; the hash and value are never exposed. */
export const ClientSecretType = builder.prismaObject("ClientSecret", {
  authScopes: (secret) => ({ can: { clientId: secret.clientId, permission: "secrets:manage" } }),
  fields: (t) => ({
    id: t.exposeID("id"),
    label: t.exposeString("label"),
    prefix: t.exposeString("prefix", { description: "The first characters of the value, to tell secrets apart." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    domains: t.field({
      type: [SecretDomainLink],
      description: "The domains this secret is linked to; it works only from these.",
      select: {
        domainLinks: { select: { domain: { select: { id: true, rootDomain: true } } }, orderBy: { createdAt: "asc" } },
      },
      resolve: (secret) =>
        secret.domainLinks.map((link) => ({ domainId: link.domain.id, rootDomain: link.domain.rootDomain })),
    }),
  }),
});

builder.prismaObjectField("Client", "secrets", (t) =>
  t.relation("secrets", {
    nullable: true,
    description: "All secrets of the client, newest first, revoked ones included. Needs secrets:manage.",
    authScopes: (client) => ({ can: { clientId: client.id, permission: "secrets:manage" } }),
    query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  }),
);

builder.prismaObjectField("Client", "secretCount", (t) =>
  t.relationCount("secrets", {
    description: "Active secrets (not revoked, not expired); visible to every member.",
    where: () => ({ revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }),
  }),
);

const CreatedClientSecret = builder
  .objectRef<{ secret: ClientSecret; value: string }>("CreatedClientSecret")
  .implement({
    fields: (t) => ({
      secret: t.field({ type: ClientSecretType, resolve: (created) => created.secret }),
      value: t.exposeString("value", { description: "The secret itself. Shown this once; store it now." }),
    }),
  });

const secretErrors = [NotFoundError, ForbiddenError, ConflictError];

builder.mutationField("createClientSecret", (t) =>
  t.field({
    type: CreatedClientSecret,
    args: {
      input: t.arg({
        type: builder.inputType("CreateClientSecretInput", {
          fields: (f) => ({
            clientId: f.id(),
            label: f.string({ required: false, description: 'Defaults to "Standard Key".' }),
            expiresAt: f.field({ type: "DateTime", required: false }),
            domainIds: f.idList({ required: false, description: "Domains of the client to link at once." }),
          }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ValidationError, ConflictError] },
    resolve: (_root, { input }, ctx) =>
      createClientSecret({
        ctx,
        clientId: String(input.clientId),
        label: input.label,
        expiresAt: input.expiresAt,
        domainIds: input.domainIds?.map(String),
      }),
  }),
);

builder.mutationField("revokeClientSecret", (t) =>
  t.field({
    type: ClientSecretType,
    description: "Revokes the secret at once: the partner API refuses it from the next request on.",
    args: {
      input: t.arg({
        type: builder.inputType("RevokeClientSecretInput", { fields: (f) => ({ secretId: f.id() }) }),
      }),
    },
    errors: { types: secretErrors },
    resolve: (_root, { input }, ctx) => revokeClientSecret({ ctx, secretId: String(input.secretId) }),
  }),
);

const RotatedClientSecret = builder
  .objectRef<{ secret: ClientSecret; value: string; previous: ClientSecret }>("RotatedClientSecret")
  .implement({
    fields: (t) => ({
      secret: t.field({ type: ClientSecretType, description: "The new secret.", resolve: (rotated) => rotated.secret }),
      value: t.exposeString("value", { description: "The new secret itself. Shown this once; store it now." }),
      previous: t.field({
        type: ClientSecretType,
        description: "The rotated-out secret, working until its (new) expiresAt.",
        resolve: (rotated) => rotated.previous,
      }),
    }),
  });

builder.mutationField("rotateClientSecret", (t) =>
  t.field({
    type: RotatedClientSecret,
    description:
      "Creates a new secret with the same label and domain links; the old one keeps working for the grace period.",
    args: {
      input: t.arg({
        type: builder.inputType("RotateClientSecretInput", {
          fields: (f) => ({
            secretId: f.id(),
            graceDays: f.int({
              required: false,
              defaultValue: DEFAULT_ROTATION_GRACE_DAYS,
              description: "Days the old secret keeps working (0–90); never beyond an earlier expiry it had.",
            }),
          }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ValidationError, ConflictError] },
    resolve: (_root, { input }, ctx) =>
      rotateClientSecret({ ctx, secretId: String(input.secretId), graceDays: input.graceDays }),
  }),
);

builder.mutationField("updateClientSecretExpiry", (t) =>
  t.field({
    type: ClientSecretType,
    description: "Changes when the secret stops working, without rotating it; null means never.",
    args: {
      input: t.arg({
        type: builder.inputType("UpdateClientSecretExpiryInput", {
          fields: (f) => ({ secretId: f.id(), expiresAt: f.field({ type: "DateTime", required: false }) }),
        }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError, ValidationError, ConflictError] },
    resolve: (_root, { input }, ctx) =>
      updateClientSecretExpiry({ ctx, secretId: String(input.secretId), expiresAt: input.expiresAt ?? null }),
  }),
);

const SecretDomainInput = builder.inputType("SecretDomainInput", {
  fields: (f) => ({ secretId: f.id(), domainId: f.id() }),
});

builder.mutationField("linkSecretToDomain", (t) =>
  t.field({
    type: ClientSecretType,
    args: { input: t.arg({ type: SecretDomainInput }) },
    errors: { types: secretErrors },
    resolve: (_root, { input }, ctx) =>
      linkSecretToDomain({ ctx, secretId: String(input.secretId), domainId: String(input.domainId) }),
  }),
);

builder.mutationField("unlinkSecretFromDomain", (t) =>
  t.field({
    type: ClientSecretType,
    args: { input: t.arg({ type: SecretDomainInput }) },
    errors: { types: secretErrors },
    resolve: (_root, { input }, ctx) =>
      unlinkSecretFromDomain({ ctx, secretId: String(input.secretId), domainId: String(input.domainId) }),
  }),
);
