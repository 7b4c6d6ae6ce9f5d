import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorFields, graphql } from "../../lib/graphql";
import type { PayloadError } from "../../lib/mutation";
import { useMutationForm } from "../../lib/use-mutation-form";
import { SessionAccountFields } from "./auth-fields";
import { EmailCodeForm } from "./EmailCodeForm";
import { DetailsStep, type RegisterDetails, restoreDetails, saveDetails } from "./RegisterDetailsStep";
import { PasswordStep } from "./RegisterPasswordStep";

export { PASSWORD_MIN as MIN_PASSWORD_LENGTH } from "./password-rules";

const RegisterForm_Register = graphql(
  `
  mutation RegisterForm_Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegisterSuccess {
        data {
          ...SessionAccountFields
        }
      }
      ... on ProofOfWorkRequiredError {
        challenge
      }
      ...ErrorFields
    }
  }
`,
  [SessionAccountFields, ErrorFields],
);

type Step = "details" | "password" | "code";
const STEPS = {
  details: { title: "register.steps.details", number: 1 },
  password: { title: "register.steps.password", number: 2 },
  code: { title: "register.steps.code", number: 3 },
} as const satisfies Record<Step, { title: string; number: number }>;

type RegisterFormProps = {
  onRegistered: () => void;
  defaultEmail?: string | null | undefined;
  submitLabel?: string;
  /** Whether to ask for the mailed code right away; an app's sign-in page goes on and lets it wait. */
  askForCode?: boolean;
};

/**
 * Registration in steps whose place is in the URL (?step=), so the browser's Back and Forward move between
 * them. Name and e-mail survive going back and a reload (sessionStorage); the password stays in memory
 * only, kept while this page is open and never written anywhere.
 */
export function RegisterForm({ onRegistered, defaultEmail, submitLabel, askForCode = true }: RegisterFormProps) {
  const { t } = useTranslation("auth");
  const [params, setParams] = useSearchParams();
  const [details, setDetails] = useState<RegisterDetails>(() => restoreDetails(defaultEmail));
  const [password, setPassword] = useState("");
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const complete = details.name.trim() !== "" && details.email.trim() !== "";
  const step: Step = registeredEmail ? "code" : params.get("step") === "password" && complete ? "password" : "details";
  const shownStep = useRef(step);

  const form = useMutationForm(RegisterForm_Register, (data) => data.register, t("register.failed"), {
    fieldFor: (error) => (error.__typename === "EmailTakenError" ? "email" : null),
    onError: (error: PayloadError) => {
      // Each solution counts once: a refusal carries a new challenge, any other answer starts one.
      setChallenge(
        error.__typename === "ProofOfWorkRequiredError" && "challenge" in error ? String(error.challenge) : null,
      );
    },
  });
  const { fieldErrors } = form;
  const detailsErrors = { name: fieldErrors.name, email: fieldErrors.email };

  useEffect(() => saveDetails(details), [details]);

  // A name or e-mail the server refused is fixed on the first step.
  useEffect(() => {
    if (step === "password" && (fieldErrors.name || fieldErrors.email)) goTo("details");
  });

  // Focus follows the step, so screen readers announce where the person now is (not on first load).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  function goTo(next: Step) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === "details") updated.delete("step");
        else updated.set("step", next);
        return updated;
      },
      { replace: next === "code" },
    );
  }

  async function register(proofOfWork: string) {
    const created = await form.run({ input: { ...details, password, proofOfWork } });
    if (!created) return;
    saveDetails(null);
    setPassword("");
    if (!askForCode) {
      onRegistered();
      return;
    }
    setRegisteredEmail(created.data.email);
    goTo("code");
  }

  const { title, number } = STEPS[step];
  return (
    <div className="register-steps">
      <p className="register-step-count">{t("register.stepCount", { number, total: askForCode ? 3 : 2 })}</p>
      <h2 className="register-step-title" ref={headingRef} tabIndex={-1}>
        {t(title)}
      </h2>
      {step === "details" ? (
        <DetailsStep
          details={details}
          errors={detailsErrors}
          onChange={(next) => {
            setDetails(next);
            form.clear();
          }}
          onNext={() => goTo("password")}
        />
      ) : step === "password" ? (
        <PasswordStep
          details={details}
          password={password}
          onPassword={setPassword}
          challenge={challenge}
          onChallenge={setChallenge}
          form={form}
          submitLabel={submitLabel ?? t("register.submit")}
          onBack={() => goTo("details")}
          onSubmit={register}
        />
      ) : (
        <EmailCodeForm email={registeredEmail ?? details.email} onConfirmed={onRegistered} onLater={onRegistered} />
      )}
    </div>
  );
}
