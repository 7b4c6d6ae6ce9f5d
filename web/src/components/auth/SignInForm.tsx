import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorFields, graphql } from "../../lib/graphql";
import type { PayloadError } from "../../lib/mutation";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { CheckboxField, Field } from "../ui/Field";
import { EmailField, emailProblem, SessionAccountFields } from "./auth-fields";
import { ProofOfWorkCheck } from "./ProofOfWorkCheck";
import { SecondFactorForm, type SecondFactorMethod } from "./SecondFactorForm";

const SignInForm_SignIn = graphql(
  `
  mutation SignInForm_SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
        data {
          ...SessionAccountFields
        }
      }
      ... on ProofOfWorkRequiredError {
        challenge
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on SecondFactorRequiredError {
        challenge
        methods
        newDevice
      }
      ...ErrorFields
    }
  }
`,
  [SessionAccountFields, ErrorFields],
);

/** Waits up to this long are sat out on the page, then the same sign-in is sent again by itself. */
const AUTO_RETRY_SECONDS = 60;

type SignInFormProps = {
  onSignedIn: () => void;
  defaultEmail?: string | null | undefined;
  submitLabel?: string;
};

export function SignInForm({ onSignedIn, defaultEmail, submitLabel }: SignInFormProps) {
  const { t } = useTranslation("auth");
  // After failures the server asks for a solved challenge; the solution goes with the next attempt, once.
  const [challenge, setChallenge] = useState<string | null>(null);
  const proof = useRef<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  // The password was right and the account wants its second factor: the sign-in goes on in that step.
  const [secondStep, setSecondStep] = useState<{
    challenge: string;
    methods: SecondFactorMethod[];
    newDevice: boolean;
  } | null>(null);
  const secondsLeft = useSecondsLeft(waitUntil);
  const form = useMutationForm(SignInForm_SignIn, (data) => data.signIn, t("signIn.failed"), {
    onError: (error: PayloadError) => {
      if (error.__typename === "RateLimitedError" && "retryAfterSeconds" in error) {
        // Refused before anything was checked: a solution in hand still counts afterwards.
        setWaitUntil(Date.now() + Number(error.retryAfterSeconds) * 1000);
        return;
      }
      if (error.__typename === "SecondFactorRequiredError" && "challenge" in error && "methods" in error) {
        setSecondStep({
          challenge: String(error.challenge),
          methods: error.methods as SecondFactorMethod[],
          newDevice: "newDevice" in error && error.newDevice === true,
        });
        return;
      }
      proof.current = null;
      setChallenge(
        error.__typename === "ProofOfWorkRequiredError" && "challenge" in error ? String(error.challenge) : null,
      );
    },
  });
  const { fetching, fieldErrors, formError } = form;
  const autoRetry = waitUntil !== null && waitUntil - Date.now() <= AUTO_RETRY_SECONDS * 1000;

  useEffect(() => {
    if (waitUntil === null || secondsLeft > 0) return;
    setWaitUntil(null);
    if (autoRetry) form.formRef.current?.requestSubmit();
  }, [waitUntil, secondsLeft, autoRetry, form.formRef]);

  function checkFailed() {
    setChallenge(null);
    form.reject({}, t("signIn.checkFailed"));
  }

  function solved(payload: string) {
    proof.current = payload;
    setChallenge(null);
    form.formRef.current?.requestSubmit();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const email = String(values.get("email") ?? "").trim();
    const password = String(values.get("password") ?? "");
    const rememberMe = values.get("rememberMe") === "on";

    const errors: Record<string, string> = {};
    const badEmail = emailProblem(email);
    if (badEmail) errors.email = badEmail;
    if (!password) errors.password = t("signIn.passwordMissing");
    if (form.reject(errors)) return;

    setWaitUntil(null);
    if (await form.run({ input: { email, password, proofOfWork: proof.current, rememberMe } })) onSignedIn();
  }

  const waiting = waitUntil !== null && secondsLeft > 0;
  if (secondStep) {
    return (
      <SecondFactorForm
        challenge={secondStep.challenge}
        methods={secondStep.methods}
        newDevice={secondStep.newDevice}
        onSignedIn={onSignedIn}
        onRestart={() => setSecondStep(null)}
      />
    );
  }
  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={t("signIn.form")}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <EmailField autoComplete="username" defaultEmail={defaultEmail} error={fieldErrors.email} />
      <Field
        label={t("signIn.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
        required
      />
      <CheckboxField label={t("signIn.rememberMe")} name="rememberMe" hint={t("signIn.rememberMeHint")} />
      {challenge ? (
        <ProofOfWorkCheck key={challenge} challenge={challenge} onSolved={solved} onFailed={checkFailed} />
      ) : null}
      <Button type="submit" block loading={fetching} disabled={waiting || challenge !== null}>
        {fetching
          ? t("signIn.signingIn")
          : waiting
            ? t(autoRetry ? "signIn.retryingIn" : "signIn.retryIn", { seconds: secondsLeft })
            : (submitLabel ?? t("signIn.submit"))}
      </Button>
    </form>
  );
}

/** Whole seconds until `until` (0 once passed), ticking each second while there is a deadline. */
function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
