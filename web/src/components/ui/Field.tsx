import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { AlertIcon } from "./icons";

type Labelled = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
};

/** What a control needs to be announced with its label, hint and error. */
type ControlProps = {
  id: string;
  className: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** The label, hint and error around one control; every field kind below is this frame. */
function FieldFrame({
  label,
  error,
  hint,
  className,
  control,
}: Omit<Labelled, "name"> & { className?: string | undefined; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={["field", className ?? ""].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {control({
        id,
        className: "field-input",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
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
    </div>
  );
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & Labelled;

/** A labelled input with its hint and error wired up for assistive technology. */
export function Field({ label, error, hint, className, ...input }: FieldProps) {
  return <FieldFrame {...{ label, error, hint, className }} control={(props) => <input {...input} {...props} />} />;
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & Labelled & { children: ReactNode };

/** A labelled <select> wired like `Field`. */
export function SelectField({ label, error, hint, className, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame
      {...{ label, error, hint, className }}
      control={(props) => (
        <select {...select} {...props}>
          {children}
        </select>
      )}
    />
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & Labelled;

/** A labelled <textarea> wired like `Field`. */
export function TextAreaField({ label, error, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame {...{ label, error, hint, className }} control={(props) => <textarea {...textarea} {...props} />} />
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  label: ReactNode;
  name: string;
  /** Shown after the label, in the hint's colour. */
  hint?: ReactNode;
};

/** A checkbox with its label beside it. */
export function CheckboxField({ label, hint, className, ...input }: CheckboxFieldProps) {
  return (
    <label className={["checkbox", className ?? ""].filter(Boolean).join(" ")}>
      <input {...input} type="checkbox" />
      <span>
        {label}
        {hint ? <span className="field-hint"> {hint}</span> : null}
      </span>
    </label>
  );
}
