import type { FormEvent, ReactNode, Ref } from "react";
import { Alert } from "./Alert";
import { Card } from "./Card";

/**
 * A card holding one form: its heading names the form, then why it is locked (if it is), its
 * form-level error, a success notice, and the inputs, disabled while sending or when locked.
 */
export function FormCard({
  id,
  title,
  form,
  onSubmit,
  reason = null,
  notice = null,
  disabled = false,
  children,
}: {
  id: string;
  title: string;
  /** What useMutationForm answers. */
  form: { formRef: Ref<HTMLFormElement>; formError: string | null; fetching: boolean };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Why the viewer cannot use the form, or null. */
  reason?: string | null;
  notice?: ReactNode;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate aria-labelledby={id}>
        {reason ? <p className="reason">{reason}</p> : null}
        {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <fieldset className="form-fieldset" disabled={form.fetching || disabled}>
          {children}
        </fieldset>
      </form>
    </Card>
  );
}
