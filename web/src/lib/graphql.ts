import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env";

/** Every document goes through this: its result and variable types come from server/schema.graphql. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string };
  // Fragments here only share selections; components read the fields directly.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";

/** The typed errors of a mutation payload: every `Error`'s message, and field errors on validation. */
export const ErrorFields = graphql(`
  fragment ErrorFields on Error {
    __typename
    message
    ... on ValidationError {
      fieldErrors {
        field
        message
      }
    }
  }
`);
