import type { CombinedError, OperationResult } from "urql";
import { describeError, type FieldError, fieldErrorMap } from "./errors";

/** A typed error member of a payload union, as the `ErrorFields` fragment selects it. */
export type PayloadError = {
  __typename: `${string}Error`;
  message: string;
  fieldErrors?: readonly FieldError[];
};

type AnyPayload = { __typename: string };

/** The success members of a payload union. */
export type PayloadSuccess<P extends AnyPayload> = Exclude<P, { __typename: `${string}Error` }>;

export type MutationFailure = {
  /** The message to show above the form (or in the dialog) when no field claims the error. */
  form: string | null;
  /** Messages keyed by input name. */
  fields: Record<string, string>;
  /** The typed error, for pages that treat one kind specially. */
  error: PayloadError | null;
  /** One sentence for a control that has no fields (a toggle, a dialog). */
  message: string;
};

export type MutationOutcome<S> = { ok: true; payload: S } | ({ ok: false } & MutationFailure);

function isPayloadError(payload: AnyPayload): payload is PayloadError {
  return payload.__typename.endsWith("Error") && "message" in payload;
}

/** Reads a mutation answer: a transport failure, a missing payload, a typed error, or the success member. */
export function readPayload<Data, P extends AnyPayload>(
  result: { data?: Data | null; error?: CombinedError },
  pick: (data: Data) => P | null | undefined,
  fallback: string,
): MutationOutcome<PayloadSuccess<P>> {
  const payload = result.data ? pick(result.data) : null;
  if (!payload) {
    const form = result.error ? describeError(result.error) : fallback;
    return { ok: false, form, fields: {}, error: null, message: form };
  }
  if (!isPayloadError(payload)) return { ok: true, payload: payload as PayloadSuccess<P> };
  if (payload.fieldErrors && payload.fieldErrors.length > 0) {
    const fields = fieldErrorMap(payload.fieldErrors);
    return { ok: false, form: null, fields, error: payload, message: Object.values(fields)[0] ?? payload.message };
  }
  return { ok: false, form: payload.message, fields: {}, error: payload, message: payload.message };
}

/** Awaits a mutation and reads its payload; see `readPayload`. */
export async function runMutation<Data, P extends AnyPayload>(
  pending: Promise<OperationResult<Data>>,
  pick: (data: Data) => P | null | undefined,
  fallback: string,
): Promise<MutationOutcome<PayloadSuccess<P>>> {
  return readPayload(await pending, pick, fallback);
}
