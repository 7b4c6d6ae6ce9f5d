import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Whether the mutation being answered failed with one of its typed errors: a failed mutation is counted in the
 * shared store (every instance sees it), a successful one only in the instance's memory (or Redis).
 */
const outcomes = new AsyncLocalStorage<{ failed: boolean }>();

/** Runs `answer` and tells whether any typed error was resolved while it ran. */
export async function withMutationOutcome<T>(answer: () => T | Promise<T>): Promise<{ result: T; failed: boolean }> {
  const outcome = { failed: false };
  const result = await outcomes.run(outcome, answer);
  return { result, failed: outcome.failed };
}

/** The errors plugin's onResolvedError: marks the running mutation as failed. */
export function mutationFailed(): void {
  const outcome = outcomes.getStore();
  if (outcome) outcome.failed = true;
}
