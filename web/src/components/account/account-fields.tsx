import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import { type FragmentOf, graphql } from "../../lib/graphql";
import { AlertIcon } from "../ui/icons";

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
};

/** A labelled <select> wired like `Field`: hint and error are announced with it. */
export function SelectField({ label, error, hint, className, children, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["field", className ?? ""].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        {...select}
        id={id}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
      >
        {children}
      </select>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
  label: string;
  name: string;
  error?: string | undefined;
};

export function TextAreaField({ label, error, className, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["field", className ?? ""].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        {...textarea}
        id={id}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      />
      <FieldMessages error={error} errorId={errorId} />
    </div>
  );
}

function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: string | undefined;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <AlertIcon className="alert-icon" />
          <span>{error}</span>
        </p>
      ) : null}
    </>
  );
}

export const CountryOptionFields = graphql(`
  fragment CountryOptionFields on Country {
    id
    name
    shortName
  }
`);

export type CountryOption = FragmentOf<typeof CountryOptionFields>;

/** Country options for a SelectField, by name, with an empty choice first. */
export function CountryOptions({ countries, emptyLabel }: { countries: readonly CountryOption[]; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {countries.map((country) => (
        <option key={country.id} value={country.shortName}>
          {country.name}
        </option>
      ))}
    </>
  );
}
