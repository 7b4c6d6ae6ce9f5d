import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../lib/graphql";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { CheckIcon } from "../ui/icons";
import { ProofOfWorkCheck } from "./ProofOfWorkCheck";
import { loadEstimator, passwordRules } from "./password-rules";
import type { RegisterDetails } from "./RegisterDetailsStep";

const PasswordStep_Challenge = graphql(`
  query PasswordStep_Challenge {
    registrationChallenge
  }
`);

type Estimate = Awaited<ReturnType<typeof loadEstimator>>;

type PasswordStepProps = {
  details: RegisterDetails;
  password: string;
  onPassword: (password: string) => void;
  /** A challenge from a refused attempt; null means "ask for a fresh one". */
  challenge: string | null;
  onChallenge: (challenge: string | null) => void;
  form: {
    formRef: RefObject<HTMLFormElement | null>;
    fetching: boolean;
    fieldErrors: Record<string, string>;
    formError: string | null;
    reject: (fields: Record<string, string>, form?: string | null) => boolean;
  };
  submitLabel: string;
  onBack: () => void;
  onSubmit: (proofOfWork: string) => Promise<void>;
};

/**
 * Step 2: the password, with each rule ticked as it is met, while the browser solves the registration
 * check in the background. Sending waits for the check if it has not finished yet.
 */
export function PasswordStep(props: PasswordStepProps) {
  const { details, password, onPassword, challenge, onChallenge, form, submitLabel, onBack, onSubmit } = props;
  const { t } = useTranslation("auth");
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [fresh, refetch] = useQuery({ query: PasswordStep_Challenge, requestPolicy: "network-only" });
  // Refs, not state: the widget's callback and a click may fall between two renders.
  const solution = useRef<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const waitingRef = useRef(false);
  const [checkFailed, setCheckFailed] = useState(false);
  const current = challenge ?? fresh.data?.registrationChallenge ?? null;
  const formId = useId();

  useEffect(() => {
    let active = true;
    loadEstimator().then(
      (loaded) => active && setEstimate(() => loaded),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);

  // A new challenge (from a refusal) replaces any solution in hand.
  useEffect(() => {
    if (challenge) solution.current = null;
  }, [challenge]);

  const rules = passwordRules(password, details, estimate);
  const met = rules.filter((rule) => rule.met).length;

  function solved(payload: string) {
    solution.current = payload;
    setCheckFailed(false);
    if (waitingRef.current) void send(payload);
  }

  async function send(proofOfWork: string) {
    waitingRef.current = false;
    setWaiting(false);
    solution.current = null;
    await onSubmit(proofOfWork);
    // Whatever the answer, this solution is spent; a refusal brings its own challenge, else ask anew.
    refetch({ requestPolicy: "network-only" });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const broken = rules.find((rule) => rule.id !== "guessable" && !rule.met);
    if (form.reject(broken ? { password: t("register.ruleBroken", { rule: broken.label }) } : {})) return;
    if (solution.current) void send(solution.current);
    else {
      waitingRef.current = true;
      setWaiting(true);
    }
  }

  function retryCheck() {
    setCheckFailed(false);
    onChallenge(null);
    refetch({ requestPolicy: "network-only" });
  }

  // The widget stays outside the <form>: inside, it takes over the form's submit and restarts its work.
  return (
    <div className="form">
      <form
        ref={form.formRef}
        id={formId}
        className="form"
        onSubmit={handleSubmit}
        noValidate
        aria-label={t("register.steps.password")}
      >
        {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        <Field
          label={t("register.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => onPassword(event.target.value)}
          hint={t("register.passwordHint")}
          error={form.fieldErrors.password}
          required
        />
        <ul className="password-rules" id="password-rules" aria-label={t("register.rules")}>
          {rules.map((rule) => (
            <li key={rule.id} className={rule.met ? "rule-met" : "rule-open"} data-testid={`rule-${rule.id}`}>
              {rule.met ? (
                <CheckIcon className="rule-icon" />
              ) : (
                <span className="rule-icon rule-dot" aria-hidden="true" />
              )}
              <span>{rule.label}</span>
              <span className="visually-hidden">
                {rule.met
                  ? t("register.ruleMet")
                  : rule.met === null
                    ? t("register.ruleChecking")
                    : t("register.ruleOpen")}
              </span>
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status" aria-live="polite">
          {password ? t("register.rulesMet", { met, total: rules.length }) : ""}
        </p>
      </form>
      {checkFailed ? (
        <Alert tone="error">
          {t("register.checkFailed")}{" "}
          <Button type="button" variant="link" onClick={retryCheck}>
            {t("register.tryCheckAgain")}
          </Button>
        </Alert>
      ) : current ? (
        <ProofOfWorkCheck key={current} challenge={current} onSolved={solved} onFailed={() => setCheckFailed(true)} />
      ) : fresh.error ? (
        <Alert tone="error">
          {t("register.checkStartFailed")}{" "}
          <Button type="button" variant="link" onClick={retryCheck}>
            {t("register.tryAgain")}
          </Button>
        </Alert>
      ) : null}
      <Button type="submit" form={formId} block loading={form.fetching || waiting}>
        {form.fetching ? t("register.creating") : waiting ? t("register.checkingBrowser") : submitLabel}
      </Button>
      <Button type="button" variant="secondary" block onClick={onBack}>
        {t("register.back")}
      </Button>
    </div>
  );
}
