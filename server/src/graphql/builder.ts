import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { Permission } from "../core/role/built-in-roles.js";
import type PrismaTypes from "../generated/prisma/pothos-types.js";
import { getDatamodel } from "../generated/prisma/pothos-types.js";
import type { AuthenticatedContext, Context } from "./context.js";
import MutationOutcomePlugin, { typedErrorResolved } from "./mutation-outcome.js";

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    staff: boolean;
    /** A live member of the client (or the client itself, for partner tooling). */
    member: string;
    can: { clientId: string; permission: Permission };
  };
  AuthContexts: { signedIn: AuthenticatedContext };
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  plugins: [ScopeAuthPlugin, MutationOutcomePlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: async (ctx) => ({
      signedIn: ctx.viewer !== null,
      // The role alone is not enough: staff powers need a second factor too (core/access.ts).
      staff: await ctx.access.staffPowers(),
      member: (clientId) => ctx.access.isMember(clientId),
      can: ({ clientId, permission }) => ctx.access.can(clientId, permission),
    }),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
  relay: {},
  errors: {
    defaultTypes: [],
    onResolvedError: typedErrorResolved,
    // Every mutation answers `<Name>Payload = <Name>Success { data } | ...errors`.
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Payload` },
  },
});

builder.scalarType("DateTime", {
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    const year = date.getUTCFullYear();
    // A GraphQLError is answered as bad input (anything else is masked as a fault); both databases store years 1-9999.
    if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
      throw new GraphQLError("DateTime must be an ISO 8601 date between the years 0001 and 9999");
    }
    return date;
  },
});

builder.queryType({});
builder.mutationType({});
