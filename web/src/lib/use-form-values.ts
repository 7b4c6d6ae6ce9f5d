import { useState } from "react";

type Values = Record<string, string | boolean>;
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

/**
 * A form's values with one binder per input kind, so each input is one line:
 * `<Field label="City" {...text("city")} />`, `<CheckboxField label="…" {...checkbox("isDefault")} />`.
 * `errors` are the field errors to show beside the inputs, by name; `onEdit` runs on every change.
 */
export function useFormValues<V extends Values>(
  initial: () => V,
  { errors = {}, onEdit }: { errors?: Record<string, string>; onEdit?: () => void } = {},
) {
  const [values, setValues] = useState<V>(initial);

  function set<K extends keyof V>(name: K, value: V[K]) {
    setValues((current) => ({ ...current, [name]: value }));
    onEdit?.();
  }

  /** Props for a Field, SelectField or TextAreaField bound to a text value. */
  function text<K extends KeysOf<V, string>>(name: K) {
    return {
      name,
      value: values[name] as string,
      onChange: (event: { target: { value: string } }) => set(name, event.target.value as V[K]),
      error: errors[name],
    };
  }

  /** Props for a CheckboxField bound to a yes/no value. */
  function checkbox<K extends KeysOf<V, boolean>>(name: K) {
    return {
      name,
      checked: values[name] as boolean,
      onChange: (event: { target: { checked: boolean } }) => set(name, event.target.checked as V[K]),
    };
  }

  return { values, setValues, set, text, checkbox };
}
