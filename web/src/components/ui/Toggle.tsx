import { type InputHTMLAttributes, type ReactNode, useId } from "react";

type ToggleProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & {
  label: ReactNode;
  hint?: ReactNode;
};

/** An on/off switch drawn over a real checkbox, with a label and an optional hint or reason. */
export function Toggle({ label, hint, className, ...input }: ToggleProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={["toggle", className ?? ""].filter(Boolean).join(" ")}>
      <input {...input} id={id} type="checkbox" className="toggle-input" aria-describedby={hintId} />
      <label htmlFor={id} className="toggle-label">
        <span className="toggle-track" aria-hidden="true" />
        <span className="toggle-text">{label}</span>
      </label>
      {hint ? (
        <p className="field-hint toggle-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
