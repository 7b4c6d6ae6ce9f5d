import { useState } from "react";
import { type AnyVariables, type TypedDocumentNode, useMutation } from "urql";
import { type PayloadSuccess, runMutation } from "./mutation";

/**
 * A one-click mutation (a toggle, a row button) whose typed error is one message near the control.
 * `run` answers the success payload, or null when `error` now says why not.
 */
export function useMutationAction<Data, Variables extends AnyVariables, P extends { __typename: string }>(
  document: TypedDocumentNode<Data, Variables>,
  pick: (data: Data) => P | null | undefined,
  fallback: string,
) {
  const [{ fetching }, execute] = useMutation(document);
  const [error, setError] = useState<string | null>(null);

  async function run(variables: Variables): Promise<PayloadSuccess<P> | null> {
    setError(null);
    const outcome = await runMutation(execute(variables), pick, fallback);
    if (outcome.ok) return outcome.payload;
    setError(outcome.message);
    return null;
  }

  return { fetching, error, setError, run };
}
