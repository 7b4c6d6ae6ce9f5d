import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { focusFirstInvalid } from "../../lib/errors";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { emailProblem } from "./auth-fields";

export type RegisterDetails = { name: string; email: string };

const STORE_KEY = "gatehouse.register.details";

/** Name and e-mail typed in this tab before, so a reload or a step back keeps them. Never the password. */
export function restoreDetails(defaultEmail: string | null | undefined): RegisterDetails {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? "null") as Partial<RegisterDetails> | null;
    if (saved && typeof saved.name === "string" && typeof saved.email === "string") {
      return { name: saved.name, email: defaultEmail && !saved.email ? defaultEmail : saved.email };
    }
  } catch {
    // Storage may be off or hold something else: start empty.
  }
  return { name: "", email: defaultEmail ?? "" };
}

/** Remembers the details for this tab, or forgets them once the account exists (null). */
export function saveDetails(details: RegisterDetails | null) {
  try {
    if (details) sessionStorage.setItem(STORE_KEY, JSON.stringify(details));
    else sessionStorage.removeItem(STORE_KEY);
  } catch {
    // Without storage the steps still keep the details in memory.
  }
}

type DetailsStepProps = {
  details: RegisterDetails;
  /** Errors the server gave for these fields. */
  errors: { name?: string | undefined; email?: string | undefined };
  onChange: (details: RegisterDetails) => void;
  onNext: () => void;
};

/** Step 1: the person's name and e-mail address, checked in the browser before going on. */
export function DetailsStep({ details, errors, onChange, onNext }: DetailsStepProps) {
  const { t } = useTranslation("auth");
  const formRef = useRef<HTMLFormElement>(null);
  const [local, setLocal] = useState<{ name?: string; email?: string }>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: { name?: string; email?: string } = {};
    if (!details.name.trim()) found.name = t("register.nameMissing");
    const badEmail = emailProblem(details.email.trim());
    if (badEmail) found.email = badEmail;
    setLocal(found);
    if (found.name || found.email) {
      focusFirstInvalid(formRef.current);
      return;
    }
    onChange({ name: details.name.trim(), email: details.email.trim() });
    onNext();
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={t("register.steps.details")}>
      <Field
        label={t("register.name")}
        name="name"
        autoComplete="name"
        value={details.name}
        onChange={(event) => {
          setLocal(({ name: _fixed, ...rest }) => rest);
          onChange({ ...details, name: event.target.value });
        }}
        error={local.name ?? errors.name}
        required
      />
      <Field
        label={t("email.label")}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={details.email}
        onChange={(event) => {
          setLocal(({ email: _fixed, ...rest }) => rest);
          onChange({ ...details, email: event.target.value });
        }}
        error={local.email ?? errors.email}
        required
      />
      <Button type="submit" block>
        {t("register.next")}
      </Button>
    </form>
  );
}
