import {
  EmailTakenError,
  InvalidCredentialsError,
  ProofOfWorkRequiredError,
  RateLimitedError,
  SecondFactorRequiredError,
  ValidationError,
} from "../../core/errors.js";
import { register, registrationChallenge, signIn, signOut } from "../../core/user/user.service.js";
import { builder } from "../builder.js";

const PlatformRole = builder.enumType("PlatformRole", { values: ["USER", "STAFF", "ADMIN"] as const });

export const UserType = builder.prismaObject("User", {
  fields: (t) => ({
    id: t.exposeID("id"),
    sub: t.exposeString("sub"),
    email: t.exposeString("email"),
    emailVerified: t.exposeBoolean("emailVerified"),
    name: t.exposeString("name"),
    givenName: t.exposeString("givenName", { nullable: true }),
    familyName: t.exposeString("familyName", { nullable: true }),
    picture: t.exposeString("picture", { nullable: true }),
    platformRole: t.field({ type: PlatformRole, resolve: (user) => user.platformRole }),
  }),
});

builder.queryField("viewer", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null.",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
);

const SignInInput = builder.inputType("SignInInput", {
  fields: (t) => ({
    email: t.string(),
    password: t.string(),
    proofOfWork: t.string({
      required: false,
      description: "The ALTCHA payload solving the challenge of an earlier ProofOfWorkRequiredError.",
    }),
    rememberMe: t.boolean({
      required: false,
      description: "Keep the session for 30 days, extended by use; otherwise it ends with the browser.",
    }),
  }),
});

const RegisterInput = builder.inputType("RegisterInput", {
  fields: (t) => ({
    email: t.string(),
    password: t.string(),
    name: t.string(),
    proofOfWork: t.string({
      required: false,
      description:
        "The ALTCHA payload solving a registrationChallenge (or the challenge of a ProofOfWorkRequiredError). Required: without it the answer is a ProofOfWorkRequiredError.",
    }),
  }),
});

builder.queryField("registrationChallenge", (t) =>
  t.string({
    description: "A fresh ALTCHA challenge, as JSON, whose solution goes with register as proofOfWork.",
    resolve: (_root, _args, ctx) => registrationChallenge({ ctx }),
  }),
);

builder.mutationField("signIn", (t) =>
  t.field({
    type: UserType,
    args: { input: t.arg({ type: SignInInput }) },
    errors: {
      types: [
        InvalidCredentialsError,
        ProofOfWorkRequiredError,
        RateLimitedError,
        SecondFactorRequiredError,
        ValidationError,
      ],
      union: { name: "SignInPayload" },
      result: { name: "SignInSuccess" },
    },
    resolve: (_root, { input }, ctx) => signIn({ ctx, ...input }),
  }),
);

builder.mutationField("register", (t) =>
  t.field({
    type: UserType,
    args: { input: t.arg({ type: RegisterInput }) },
    errors: {
      types: [EmailTakenError, ProofOfWorkRequiredError, ValidationError],
      union: { name: "RegisterPayload" },
      result: { name: "RegisterSuccess" },
    },
    resolve: (_root, { input }, ctx) => register({ ctx, ...input }),
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({ description: "Ends the current session.", resolve: (_root, _args, ctx) => signOut({ ctx }) }),
);
