import type { FieldError } from "../../lib/errors";

/** The typed errors a payload union may answer with; select them with `PAYLOAD_ERROR_FIELDS`. */
export type PayloadError =
  | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] }
  | {
      __typename: "ConflictError" | "ForbiddenError" | "NotAuthenticatedError" | "NotFoundError" | "PlanRequiredError";
      message: string;
    };

/** Spread into a payload selection: `__typename` plus every error's message. */
export const PAYLOAD_ERROR_FIELDS = `
  __typename
  ... on Error {
    message
  }
`;

/** For payload unions that include ValidationError (a spread on a type outside the union is invalid). */
export const VALIDATION_ERROR_FIELDS = `
  ${PAYLOAD_ERROR_FIELDS}
  ... on ValidationError {
    fieldErrors {
      field
      message
    }
  }
`;

export function isPayloadError<T extends { __typename: string }>(payload: T | PayloadError): payload is PayloadError {
  return "message" in payload && payload.__typename.endsWith("Error");
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(value: string): string {
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: string): string {
  return dateTimeFormat.format(new Date(value));
}

/** `<input type="date">` value (local day) → end of that day in UTC as an ISO DateTime. */
export function endOfDayIso(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

/** Today as an `<input type="date">` value, in local time. */
export function todayInput(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}
