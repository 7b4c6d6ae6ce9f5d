import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
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
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [fresh, refetch] = useQuery({ query: PasswordStep_Challenge, requestPolicy: "network-only" });
  // Refs, not state: the widget's callback and a click may fall between two renders.
  const solution = useRef<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const waitingRef = useRef(false);
  const sending = useRef(false);
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
    sending.current = true;
    await onSubmit(proofOfWork).finally(() => {
      sending.current = false;
    });
    // Whatever the answer, this solution is spent; a refusal brings its own challenge, else ask anew.
    refetch({ requestPolicy: "network-only" });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One attempt at a time: a second submit while one is on its way would wait for a check forever.
    if (sending.current) return;
    const broken = rules.find((rule) => rule.id !== "guessable" && !rule.met);
    if (form.reject(broken ? { password: `${broken.label}, please.` } : {})) return;
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
        aria-label="Choose a password"
      >
        {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => onPassword(event.target.value)}
          hint="Each rule below is ticked once your password meets it."
          error={form.fieldErrors.password}
          required
        />
        <ul className="password-rules" id="password-rules" aria-label="Password rules">
          {rules.map((rule) => (
            <li key={rule.id} className={rule.met ? "rule-met" : "rule-open"} data-testid={`rule-${rule.id}`}>
              {rule.met ? (
                <CheckIcon className="rule-icon" />
              ) : (
                <span className="rule-icon rule-dot" aria-hidden="true" />
              )}
              <span>{rule.label}</span>
              <span className="visually-hidden">
                {rule.met ? " (met)" : rule.met === null ? " (checking)" : " (not yet)"}
              </span>
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status" aria-live="polite">
          {password ? `${met} of ${rules.length} password rules met.` : ""}
        </p>
      </form>
      {checkFailed ? (
        <Alert tone="error">
          The browser check did not finish.{" "}
          <Button type="button" variant="link" onClick={retryCheck}>
            Try it again
          </Button>
        </Alert>
      ) : current ? (
        <ProofOfWorkCheck key={current} challenge={current} onSolved={solved} onFailed={() => setCheckFailed(true)} />
      ) : fresh.error ? (
        <Alert tone="error">
          We couldn't start the browser check.{" "}
          <Button type="button" variant="link" onClick={retryCheck}>
            Try again
          </Button>
        </Alert>
      ) : null}
      <Button type="submit" form={formId} block loading={form.fetching || waiting}>
        {form.fetching ? "Creating your account…" : waiting ? "Checking your browser…" : submitLabel}
      </Button>
      <Button type="button" variant="secondary" block onClick={onBack}>
        Back
      </Button>
    </div>
  );
}
