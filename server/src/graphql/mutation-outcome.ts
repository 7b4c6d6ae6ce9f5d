import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";

/**
 * Whether the mutation being answered failed with one of its typed errors: a failed mutation is counted in the
 * shared store (every instance sees it), a successful one only in the instance's memory (or Redis). The outcome
 * travels on the request's context object (Yoga hands resolvers that object, or one made from it), not in an
 * AsyncLocalStorage: on Node 20 one AsyncLocalStorage.run switches promise hooks on for every promise of the
 * process from then on, the /api fast path's included.
 */
const OUTCOME = Symbol("mutation outcome");

type Outcome = { failed: boolean };
type Carrier = { [OUTCOME]?: Outcome };

/** Runs `answer` with `context` carrying its outcome; tells whether any mutation answered a typed error. */
export async function withMutationOutcome<T>(
  context: object,
  answer: () => T | Promise<T>,
): Promise<{ result: T; failed: boolean }> {
  const outcome: Outcome = { failed: false };
  (context as Carrier)[OUTCOME] = outcome;
  const result = await answer();
  return { result, failed: outcome.failed };
}

/** Set on an error the errors plugin answered as a typed member of a payload union. */
const TYPED = Symbol("typed error");
type Typed = { [TYPED]?: true };

/**
 * The errors plugin's onResolvedError: tags the error. The plugin answers a proxy of it (which is no `instanceof
 * Error`) and reads through to the error, so the tag is what the wrapper below can see.
 */
export function typedErrorResolved(error: Error): void {
  (error as Typed)[TYPED] = true;
}

const pluginName = "mutationOutcome";

/**
 * Marks the request's outcome failed when a mutation field answers a typed error. Listed after scope-auth and
 * before the errors plugin in builder.ts, so it wraps the errors plugin's resolver and sees each typed error as the
 * value that plugin answers; an error nobody typed is thrown past it, as before.
 */
export class MutationOutcomePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (fieldConfig.parentType !== "Mutation") return resolver;
    return async (parent, args, context, info) => {
      const result = await resolver(parent, args, context, info);
      const outcome = (context as Carrier)[OUTCOME];
      if (outcome && typeof result === "object" && result !== null && (result as Typed)[TYPED]) outcome.failed = true;
      return result;
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      mutationOutcome: MutationOutcomePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, MutationOutcomePlugin);

export default pluginName;
