import type { CombinedError } from "urql";
import { i18n } from "../i18n/i18n";

export type FieldError = { field: string; message: string };

/** A sentence a person can act on, for failures outside the typed GraphQL errors. */
export function describeError(error: CombinedError): string {
  if (error.networkError) return i18n.t("errors.network");
  return i18n.t("errors.server");
}

/** Maps `fieldErrors` onto form field names; the server may report a path such as `input.email`. */
export function fieldErrorMap(fieldErrors: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { field, message } of fieldErrors) {
    const name = field.split(".").pop() ?? field;
    map[name] ??= message;
  }
  return map;
}

/** Moves focus to the first invalid input once React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}
