import { READ_RULES, visibleUrlKinds } from "../../core/client/read-rules.js";
import {
  addDomainUrl,
  createDomain,
  deleteDomain,
  removeDomainUrl,
  updateDomain,
  updateDomainUrl,
} from "../../core/domain/domain.service.js";
import { DOMAIN_DEFAULTS } from "../../core/domain/domain-validation.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/errors.js";
import { builder } from "../builder.js";

const DomainUrlKind = builder.enumType("DomainUrlKind", { values: ["CALLBACK", "WEBHOOK"] as const });

/** A domain is visible only to live members of its client (and to the client itself). */
export const DomainType = builder.prismaObject("Domain", {
  authScopes: (domain) => ({ member: domain.clientId }),
  fields: (t) => ({
    id: t.exposeID("id"),
    publicId: t.exposeString("publicId", { description: "The domain ID partners may send as X-Client-Domain." }),
    rootDomain: t.exposeString("rootDomain"),
    serverIp: t.exposeString("serverIp", {
      nullable: true,
      description: `The IP allowlist; null unless the caller has ${READ_RULES.ipAllowlist}.`,
      authScopes: (domain) => ({ can: { clientId: domain.clientId, permission: READ_RULES.ipAllowlist } }),
      unauthorizedResolver: () => null,
    }),
    internalName: t.exposeString("internalName", { nullable: true }),
    logoUrl: t.exposeString("logoUrl", { nullable: true }),
    fallbackUri: t.exposeString("fallbackUri", { nullable: true }),
    allowLogin: t.exposeBoolean("allowLogin"),
    allowApi: t.exposeBoolean("allowApi"),
    active: t.exposeBoolean("active"),
    primary: t.exposeBoolean("primary"),
    testMode: t.exposeBoolean("testMode"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    urls: t.field({
      type: [DomainUrlType],
      description: `Callback URLs, and webhook URLs for callers with ${READ_RULES.webhookUrls}.`,
      select: {
        urls: {
          include: { domain: { select: { clientId: true } } },
          orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
        },
      },
      resolve: async (domain, _args, ctx) => {
        const kinds = visibleUrlKinds(await ctx.access.can(domain.clientId, READ_RULES.webhookUrls));
        return domain.urls.filter((url) => kinds.includes(url.kind));
      },
    }),
  }),
});

/** Callback and webhook URLs carry their domain's client so the tenancy check needs no extra query. */
const DomainUrlType = builder.prismaObject("DomainUrl", {
  include: { domain: { select: { clientId: true } } },
  authScopes: (url) => ({ member: url.domain.clientId }),
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: DomainUrlKind, resolve: (url) => url.kind }),
    url: t.exposeString("url"),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("Client", "domains", (t) =>
  t.relation("domains", {
    description: "The client's domains, the primary one first.",
    authScopes: (client) => ({ member: client.id }),
    query: { orderBy: [{ primary: "desc" }, { rootDomain: "asc" }] },
  }),
);

const domainErrors = [NotFoundError, ForbiddenError, ValidationError, ConflictError];

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const ALLOW_API_HELP = "Whether the partner API's data endpoints answer for this domain; off unless set.";

/** The settable domain fields, all optional (createDomain adds clientId and a required rootDomain). */
const domainSettings = (f: InputFields) => ({
  serverIp: f.string({ required: false, description: "Comma-separated IPv4/IPv6 allowlist; empty clears it." }),
  internalName: f.string({ required: false }),
  logoUrl: f.string({ required: false }),
  fallbackUri: f.string({ required: false }),
  allowLogin: f.boolean({ required: false }),
  allowApi: f.boolean({ required: false, description: ALLOW_API_HELP }),
  active: f.boolean({ required: false }),
  primary: f.boolean({ required: false, description: "true makes this the client's only primary domain." }),
  testMode: f.boolean({ required: false }),
});

/** A new domain's flags: the database's defaults, spelled out so the schema shows them. */
const creationFlags = (f: InputFields) => ({
  allowLogin: f.boolean({ required: false, defaultValue: DOMAIN_DEFAULTS.allowLogin }),
  allowApi: f.boolean({ required: false, defaultValue: DOMAIN_DEFAULTS.allowApi, description: ALLOW_API_HELP }),
  active: f.boolean({ required: false, defaultValue: DOMAIN_DEFAULTS.active }),
  primary: f.boolean({
    required: false,
    defaultValue: DOMAIN_DEFAULTS.primary,
    description: "true makes this the client's only primary domain.",
  }),
  testMode: f.boolean({ required: false, defaultValue: DOMAIN_DEFAULTS.testMode }),
});
const ROOT_DOMAIN_HELP = "Host name only, e.g. example.com (no https://, path or port).";

builder.mutationField("createDomain", (t) =>
  t.field({
    type: DomainType,
    args: {
      input: t.arg({
        type: builder.inputType("CreateDomainInput", {
          fields: (f) => ({
            clientId: f.id(),
            rootDomain: f.string({ description: ROOT_DOMAIN_HELP }),
            ...domainSettings(f),
            ...creationFlags(f),
          }),
        }),
      }),
    },
    errors: { types: domainErrors },
    resolve: (_root, { input: { clientId, ...input } }, ctx) =>
      createDomain({ ctx, clientId: String(clientId), input }),
  }),
);

builder.mutationField("updateDomain", (t) =>
  t.field({
    type: DomainType,
    args: {
      input: t.arg({
        type: builder.inputType("UpdateDomainInput", {
          fields: (f) => ({
            domainId: f.id(),
            rootDomain: f.string({ required: false, description: ROOT_DOMAIN_HELP }),
            ...domainSettings(f),
          }),
        }),
      }),
    },
    errors: { types: domainErrors },
    resolve: (_root, { input: { domainId, ...input } }, ctx) =>
      updateDomain({ ctx, domainId: String(domainId), input }),
  }),
);

const DeletedDomain = builder.objectRef<{ id: string; rootDomain: string }>("DeletedDomain").implement({
  fields: (t) => ({ id: t.exposeID("id"), rootDomain: t.exposeString("rootDomain") }),
});

builder.mutationField("deleteDomain", (t) =>
  t.field({
    type: DeletedDomain,
    description: "Deletes the domain with its URLs and secret links.",
    args: {
      input: t.arg({ type: builder.inputType("DeleteDomainInput", { fields: (f) => ({ domainId: f.id() }) }) }),
    },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: (_root, { input }, ctx) => deleteDomain({ ctx, domainId: String(input.domainId) }),
  }),
);

builder.mutationField("addDomainUrl", (t) =>
  t.field({
    type: DomainUrlType,
    args: {
      input: t.arg({
        type: builder.inputType("AddDomainUrlInput", {
          fields: (f) => ({
            domainId: f.id(),
            kind: f.field({ type: DomainUrlKind }),
            url: f.string({ description: "Absolute https:// URL (http:// only for localhost)." }),
            active: f.boolean({ required: false }),
          }),
        }),
      }),
    },
    errors: { types: domainErrors },
    resolve: (_root, { input }, ctx) =>
      addDomainUrl({ ctx, domainId: String(input.domainId), kind: input.kind, url: input.url, active: input.active }),
  }),
);

builder.mutationField("updateDomainUrl", (t) =>
  t.field({
    type: DomainUrlType,
    args: {
      input: t.arg({
        type: builder.inputType("UpdateDomainUrlInput", {
          fields: (f) => ({
            domainUrlId: f.id(),
            url: f.string({ required: false }),
            active: f.boolean({ required: false }),
          }),
        }),
      }),
    },
    errors: { types: domainErrors },
    resolve: (_root, { input }, ctx) =>
      updateDomainUrl({ ctx, domainUrlId: String(input.domainUrlId), url: input.url, active: input.active }),
  }),
);

builder.mutationField("removeDomainUrl", (t) =>
  t.field({
    type: DomainType,
    description: "Removes a callback or webhook URL; answers with its domain.",
    args: {
      input: t.arg({
        type: builder.inputType("RemoveDomainUrlInput", { fields: (f) => ({ domainUrlId: f.id() }) }),
      }),
    },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: (_root, { input }, ctx) => removeDomainUrl({ ctx, domainUrlId: String(input.domainUrlId) }),
  }),
);
