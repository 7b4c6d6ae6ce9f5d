import { useRef, useState } from "react";
import { type AnyVariables, type TypedDocumentNode, useMutation } from "urql";
import { focusFirstInvalid } from "./errors";
import { type PayloadError, type PayloadSuccess, runMutation } from "./mutation";

type Options = {
  /** Names the input a typed error belongs to (e.g. a conflict on the domain name), or null for the form. */
  fieldFor?: (error: PayloadError) => string | null;
  /** Says a typed error in the page's own words (e.g. a taken address when not registering), or null for the server's. */
  messageFor?: (error: PayloadError) => string | null;
  /** Sees each typed error before the form shows it, for pages that act on one kind (e.g. a challenge to solve). */
  onError?: (error: PayloadError) => void;
};

/**
 * One form's mutation: runs it, shows typed errors beside their fields (or above the form), and focuses the
 * first invalid input. `run` answers the success payload, or null when the form now shows an error.
 */
export function useMutationForm<Data, Variables extends AnyVariables, P extends { __typename: string }>(
  document: TypedDocumentNode<Data, Variables>,
  pick: (data: Data) => P | null | undefined,
  fallback: string,
  options: Options = {},
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [{ fetching }, execute] = useMutation(document);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function clear() {
    setFieldErrors({});
    setFormError(null);
  }

  /** Shows errors found before sending; true when there were any. */
  function reject(fields: Record<string, string>, form: string | null = null): boolean {
    setFieldErrors(fields);
    setFormError(form);
    const failed = form !== null || Object.keys(fields).length > 0;
    if (failed) focusFirstInvalid(formRef.current);
    return failed;
  }

  async function run(variables: Variables): Promise<PayloadSuccess<P> | null> {
    clear();
    const outcome = await runMutation(execute(variables), pick, fallback);
    if (outcome.ok) return outcome.payload;
    if (outcome.error) options.onError?.(outcome.error);
    const own = outcome.error ? options.messageFor?.(outcome.error) : null;
    const field = outcome.error ? options.fieldFor?.(outcome.error) : null;
    if (field && outcome.error) reject({ [field]: own ?? outcome.error.message });
    else if (own) reject({}, own);
    else reject(outcome.fields, outcome.form);
    return null;
  }

  return { formRef, fetching, fieldErrors, formError, run, reject, clear };
}
