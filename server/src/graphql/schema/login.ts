import { logoUrl } from "../../core/client/logo.service.js";
import { releasesOf } from "../../core/consent/release.js";
import { LoginFlowError, NotAuthenticatedError } from "../../core/errors.js";
import { completeLogin, describeLoginRequest } from "../../core/login/login.service.js";
import type { Scope } from "../../generated/prisma/client.js";
import { builder } from "../builder.js";
import { ScopeTierEnum } from "../enums.js";

const LoginScope = builder.objectRef<Scope>("LoginScope").implement({
  description: "A scope the app asks for on the consent screen.",
  fields: (t) => ({
    key: t.exposeString("key"),
    description: t.exposeString("description"),
    tier: t.field({ type: ScopeTierEnum, resolve: (scope) => scope.tier }),
    name: t.exposeString("name", { nullable: true, description: "Display name of a scope staff or the client added." }),
    releases: t.stringList({
      description: "Exactly the fields (or the client's custom claims) this scope releases.",
      resolve: (scope) => releasesOf(scope),
    }),
  }),
});

type LoginRequestShape = Awaited<ReturnType<typeof describeLoginRequest>>;

const LoginRequest = builder.objectRef<LoginRequestShape>("LoginRequest").implement({
  description: "What the hosted login page shows for a sign-token.",
  fields: (t) => ({
    clientName: t.exposeString("clientName"),
    domain: t.exposeString("domain", {
      description: "The primary domain when the login returns there, otherwise the host it really returns to.",
    }),
    primaryDomain: t.exposeString("primaryDomain"),
    redirectHost: t.exposeString("redirectHost", { description: "Where allowing sends the person: the app's host." }),
    clientLogoUrl: t.string({
      nullable: true,
      resolve: (request, _args, ctx) =>
        request.clientLogoId ? logoUrl(ctx.config.publicUrl, request.clientLogoId) : null,
    }),
    clientVerified: t.exposeBoolean("clientVerified", { description: "Staff verified this partner." }),
    scopes: t.field({ type: [LoginScope], resolve: (request) => request.scopes }),
    consentRequired: t.exposeBoolean("consentRequired"),
    email: t.exposeString("email", { nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
  }),
});

const LoginRedirect = builder.objectRef<{ redirectUrl: string }>("LoginRedirect").implement({
  fields: (t) => ({ redirectUrl: t.exposeString("redirectUrl") }),
});

builder.queryField("loginRequest", (t) =>
  t.field({
    type: LoginRequest,
    args: { token: t.arg.string() },
    errors: { types: [LoginFlowError], union: { name: "LoginRequestResult" }, result: { name: "LoginRequestSuccess" } },
    resolve: (_root, { token }, ctx) => describeLoginRequest({ db: ctx.db, token, userId: ctx.viewer?.id }),
  }),
);

const CompleteLoginInput = builder.inputType("CompleteLoginInput", {
  fields: (t) => ({ token: t.string(), approve: t.boolean() }),
});

builder.mutationField("completeLogin", (t) =>
  t.field({
    type: LoginRedirect,
    args: { input: t.arg({ type: CompleteLoginInput }) },
    errors: {
      types: [LoginFlowError, NotAuthenticatedError],
      union: { name: "CompleteLoginPayload" },
      result: { name: "CompleteLoginSuccess" },
    },
    resolve: async (_root, { input }, ctx) => {
      if (!ctx.viewer) throw new NotAuthenticatedError();
      const redirectUrl = await completeLogin({
        db: ctx.db,
        token: input.token,
        user: ctx.viewer,
        approve: input.approve,
        audit: ctx,
      });
      return { redirectUrl };
    },
  }),
);
