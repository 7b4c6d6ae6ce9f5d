// Sign-in with upstream OpenID Connect providers: the buttons, the account's links, staff configuration.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { hasPassword } from "../../core/account/ways-in.js";
import type { ServiceContext } from "../../core/context.js";
import {
  ConflictError,
  ForbiddenError,
  InvalidLinkError,
  NotAuthenticatedError,
  NotFoundError,
  ProofOfWorkRequiredError,
  RateLimitedError,
  SecondFactorRequiredError,
  ValidationError,
  WrongPasswordError,
} from "../../core/errors.js";
import { confirmUpstreamLink, describeLinkTicket, unlinkUpstreamIdentity } from "../../core/upstream/account.js";
import {
  createUpstreamProvider,
  deleteUpstreamProvider,
  listProvidersForStaff,
  updateUpstreamProvider,
} from "../../core/upstream/provider.service.js";
import { allProviders, providerNames, redirectUri, type UpstreamProvider } from "../../core/upstream/providers.js";
import { builder } from "../builder.js";

const UpstreamKind = builder.enumType("UpstreamProviderKind", { values: ["GOOGLE", "MICROSOFT", "GENERIC"] as const });

const SignInProvider = builder.objectRef<UpstreamProvider>("SignInProvider").implement({
  description: "A provider people may sign in with; its button links to /upstream/<slug>/start.",
  fields: (t) => ({
    slug: t.exposeString("slug"),
    displayName: t.exposeString("displayName"),
    kind: t.field({ type: UpstreamKind, resolve: (provider) => provider.kind }),
    iconUrl: t.exposeString("iconUrl", { nullable: true }),
  }),
});

builder.queryField("signInProviders", (t) =>
  t.field({
    type: [SignInProvider],
    description: "The enabled upstream providers, for the sign-in page's buttons.",
    resolve: async (_root, _args, ctx) =>
      (await allProviders(ctx.db, ctx.config)).filter((provider) => provider.enabled),
  }),
);

const LinkedProvider = builder.prismaObject("UpstreamIdentity", {
  name: "LinkedProvider",
  authScopes: (identity, ctx) => ctx.viewer?.id === identity.userId,
  description: "An account at an upstream provider that signs this person in.",
  fields: (t) => ({
    id: t.exposeID("id"),
    provider: t.exposeString("providerSlug"),
    displayName: t.string({
      resolve: async (identity, _args, ctx) =>
        (await providerNames(ctx.db, ctx.config)).get(identity.providerSlug) ?? identity.providerSlug,
    }),
    email: t.exposeString("email", { nullable: true }),
    linkedAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObjectField("User", "linkedProviders", (t) =>
  t.relation("upstreamIdentities", { authScopes: ownAccountOnly, query: { orderBy: { createdAt: "asc" } } }),
);

builder.prismaObjectField("User", "hasPassword", (t) =>
  t.boolean({
    authScopes: ownAccountOnly,
    description: "False for an account made by an upstream sign-in until a password is set.",
    select: { passwordHash: true },
    resolve: (user) => hasPassword(user),
  }),
);

builder.mutationField("unlinkProvider", (t) =>
  t.field({
    type: LinkedProvider,
    description: "Unlinks a provider, unless it is the account's last way to sign in.",
    args: { input: t.arg({ type: builder.inputType("UnlinkProviderInput", { fields: (f) => ({ id: f.id() }) }) }) },
    errors: { types: [NotAuthenticatedError, ForbiddenError, NotFoundError, ConflictError] },
    resolve: (_root, { input }, ctx) => unlinkUpstreamIdentity(ctx, String(input.id)),
  }),
);

const ProviderLinkOffer = builder
  .objectRef<{ providerSlug: string; email: string; hasPassword: boolean; displayName: string; returnTo: string }>(
    "ProviderLinkOffer",
  )
  .implement({
    description: "An upstream sign-in waiting for the person to prove the existing account with this e-mail.",
    fields: (t) => ({
      provider: t.exposeString("providerSlug"),
      displayName: t.exposeString("displayName"),
      email: t.exposeString("email"),
      hasPassword: t.exposeBoolean("hasPassword"),
      returnTo: t.exposeString("returnTo", {
        description: "Where the sign-in goes on once linked (a path on Gatehouse, e.g. an app's hosted login).",
      }),
    }),
  });

builder.queryField("providerLinkOffer", (t) =>
  t.field({
    type: ProviderLinkOffer,
    args: { ticket: t.arg.string() },
    errors: { types: [InvalidLinkError] },
    resolve: async (_root, { ticket }, ctx) => {
      const offer = await describeLinkTicket(ctx, ticket);
      const displayName = (await providerNames(ctx.db, ctx.config)).get(offer.providerSlug) ?? offer.providerSlug;
      return { ...offer, displayName };
    },
  }),
);

const LinkConfirmed = builder.objectRef<{ returnTo: string }>("ProviderLinkConfirmed").implement({
  fields: (t) => ({ returnTo: t.exposeString("returnTo", { description: "Where the browser goes next." }) }),
});

builder.mutationField("confirmProviderLink", (t) =>
  t.field({
    type: LinkConfirmed,
    description: "Links the upstream account once the person proves the existing one with its password; signs in.",
    args: {
      input: t.arg({
        type: builder.inputType("ConfirmProviderLinkInput", {
          fields: (f) => ({ ticket: f.string(), password: f.string(), proofOfWork: f.string({ required: false }) }),
        }),
      }),
    },
    errors: {
      types: [
        InvalidLinkError,
        WrongPasswordError,
        ConflictError,
        RateLimitedError,
        ProofOfWorkRequiredError,
        SecondFactorRequiredError,
      ],
    },
    resolve: (_root, { input }, ctx) => confirmUpstreamLink(ctx, input),
  }),
);

const AdminProvider = builder.objectRef<UpstreamProvider>("UpstreamProvider").implement({
  description: "A configured upstream provider, as staff see it (never its secret).",
  fields: (t) => ({
    slug: t.exposeString("slug"),
    kind: t.field({ type: UpstreamKind, resolve: (provider) => provider.kind }),
    displayName: t.exposeString("displayName"),
    issuer: t.exposeString("issuer"),
    clientId: t.exposeString("clientId"),
    scopes: t.exposeStringList("scopes"),
    iconUrl: t.exposeString("iconUrl", { nullable: true }),
    enabled: t.exposeBoolean("enabled"),
    source: t.string({ description: "ENVIRONMENT (read-only here) or DASHBOARD.", resolve: (p) => p.source }),
    redirectUri: t.string({
      description: "The callback address to register at the provider.",
      resolve: (provider, _args, ctx) => redirectUri(ctx.config, provider.slug),
    }),
  }),
});

builder.queryField("upstreamProviders", (t) =>
  t.field({
    type: [AdminProvider],
    description: "Platform staff only: every configured upstream provider.",
    errors: { types: [ForbiddenError] },
    resolve: (_root, _args, ctx) => listProvidersForStaff(ctx),
  }),
);

/** The provider as the list shows it, after a change. */
async function refresh(ctx: ServiceContext, slug: string): Promise<UpstreamProvider> {
  const found = (await allProviders(ctx.db, ctx.config)).find((provider) => provider.slug === slug);
  if (!found) throw new NotFoundError("No provider has this key.");
  return found;
}

builder.mutationField("createUpstreamProvider", (t) =>
  t.field({
    type: AdminProvider,
    description: "Platform staff only: adds Google, Microsoft or any OpenID Connect issuer.",
    args: {
      input: t.arg({
        type: builder.inputType("CreateUpstreamProviderInput", {
          fields: (f) => ({
            preset: f.field({ type: UpstreamKind, required: true }),
            slug: f.string({ required: false }),
            displayName: f.string({ required: false }),
            issuer: f.string({ required: false, description: "Required for GENERIC; presets bring their own." }),
            tenant: f.string({
              required: false,
              description: "Microsoft only: common (default), organizations, consumers or a tenant id.",
            }),
            clientId: f.string(),
            clientSecret: f.string(),
            scopes: f.string({
              required: false,
              description: "Space-separated; openid and email are always asked for.",
            }),
            iconUrl: f.string({ required: false }),
          }),
        }),
      }),
    },
    errors: { types: [ForbiddenError, ValidationError, ConflictError] },
    resolve: async (_root, { input }, ctx) => refresh(ctx, (await createUpstreamProvider(ctx, input)).slug),
  }),
);

builder.mutationField("updateUpstreamProvider", (t) =>
  t.field({
    type: AdminProvider,
    description: "Platform staff only: changes a provider added in the dashboard; a new secret replaces the old.",
    args: {
      input: t.arg({
        type: builder.inputType("UpdateUpstreamProviderInput", {
          fields: (f) => ({
            slug: f.string(),
            displayName: f.string({ required: false }),
            issuer: f.string({ required: false }),
            clientId: f.string({ required: false }),
            clientSecret: f.string({ required: false }),
            scopes: f.string({ required: false }),
            iconUrl: f.string({ required: false }),
            enabled: f.boolean({ required: false }),
          }),
        }),
      }),
    },
    errors: { types: [ForbiddenError, ValidationError, NotFoundError] },
    resolve: async (_root, { input }, ctx) => refresh(ctx, (await updateUpstreamProvider(ctx, input)).slug),
  }),
);

builder.mutationField("deleteUpstreamProvider", (t) =>
  t.field({
    type: "Boolean",
    description: "Platform staff only: removes a provider added in the dashboard. Linked people keep their accounts.",
    args: { slug: t.arg.string() },
    errors: { types: [ForbiddenError, NotFoundError] },
    resolve: async (_root, { slug }, ctx) => Boolean(await deleteUpstreamProvider(ctx, slug)),
  }),
);
