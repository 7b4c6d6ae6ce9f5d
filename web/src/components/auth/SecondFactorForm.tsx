import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorFields, graphql } from "../../lib/graphql";
import type { PayloadError } from "../../lib/mutation";
import { useMutationAction } from "../../lib/use-mutation-action";
import { useMutationForm } from "../../lib/use-mutation-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { SessionAccountFields } from "./auth-fields";

const SecondFactorForm_Verify = graphql(
  `
  mutation SecondFactorForm_Verify($input: VerifySignInInput!) {
    verifySignIn(input: $input) {
      __typename
      ... on VerifySignInSuccess {
        data {
          ...SessionAccountFields
        }
      }
      ... on InvalidSecondFactorError {
        reason
        attemptsLeft
      }
      ...ErrorFields
    }
  }
`,
  [SessionAccountFields, ErrorFields],
);

const SecondFactorForm_SendCode = graphql(
  `
  mutation SecondFactorForm_SendCode($input: SendSignInCodeInput!) {
    sendSignInCode(input: $input) {
      __typename
      ... on SendSignInCodeSuccess {
        data
      }
      ...ErrorFields
    }
  }
`,
  [ErrorFields],
);

export type SecondFactorMethod = "TOTP" | "EMAIL" | "RECOVERY_CODE";

type Wording = { label: string; hint: string; switchTo: string };

function wordingOf(t: TFunction<"auth">): Record<SecondFactorMethod, Wording> {
  return {
    TOTP: {
      label: t("secondFactor.TOTP.label"),
      hint: t("secondFactor.TOTP.hint"),
      switchTo: t("secondFactor.TOTP.switchTo"),
    },
    EMAIL: {
      label: t("secondFactor.EMAIL.label"),
      hint: t("secondFactor.EMAIL.hint"),
      switchTo: t("secondFactor.EMAIL.switchTo"),
    },
    RECOVERY_CODE: {
      label: t("secondFactor.RECOVERY_CODE.label"),
      hint: t("secondFactor.RECOVERY_CODE.hint"),
      switchTo: t("secondFactor.RECOVERY_CODE.switchTo"),
    },
  };
}

type SecondFactorFormProps = {
  challenge: string;
  methods: readonly SecondFactorMethod[];
  /** Asked because this device and network are new to the account. */
  newDevice: boolean;
  onSignedIn: () => void;
  /** The sign-in expired or took too many wrong codes: back to the password. */
  onRestart: () => void;
};

/** The second step of signing in: a code from the authenticator app, e-mail or a recovery code. */
export function SecondFactorForm({ challenge, methods, newDevice, onSignedIn, onRestart }: SecondFactorFormProps) {
  const { t } = useTranslation("auth");
  const [method, setMethod] = useState<SecondFactorMethod>(methods[0] ?? "TOTP");
  const [ended, setEnded] = useState(false);
  const [sent, setSent] = useState(method === "EMAIL");
  const form = useMutationForm(SecondFactorForm_Verify, (data) => data.verifySignIn, t("secondFactor.checkFailed"), {
    fieldFor: (error) => (isWrongCode(error) ? "code" : null),
    onError: (error) => setEnded(error.__typename === "InvalidSecondFactorError" && !isWrongCode(error)),
  });
  const send = useMutationAction(
    SecondFactorForm_SendCode,
    (data) => data.sendSignInCode,
    t("secondFactor.sendFailed"),
  );

  async function sendCode() {
    if (await send.run({ input: { challenge } })) setSent(true);
  }

  function choose(next: SecondFactorMethod) {
    form.clear();
    setMethod(next);
    if (next === "EMAIL" && !sent) void sendCode();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (form.reject(code ? {} : { code: t("secondFactor.codeMissing") })) return;
    if (await form.run({ input: { challenge, method, code } })) onSignedIn();
  }

  const WORDING = wordingOf(t);
  const wording = WORDING[method];
  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={t("secondFactor.form")}>
      {newDevice ? (
        <Alert tone="info" title={t("secondFactor.newDeviceTitle")}>
          {t("secondFactor.newDeviceBody")}
        </Alert>
      ) : (
        <p>{t("secondFactor.protected")}</p>
      )}
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {send.error ? <Alert tone="error">{send.error}</Alert> : null}
      {ended ? (
        <Button block onClick={onRestart}>
          {t("secondFactor.restart")}
        </Button>
      ) : (
        <>
          <Field
            key={method}
            label={wording.label}
            name="code"
            hint={wording.hint}
            autoComplete="one-time-code"
            inputMode={method === "RECOVERY_CODE" ? "text" : "numeric"}
            autoFocus
            error={form.fieldErrors.code}
            required
          />
          <Button type="submit" block loading={form.fetching}>
            {form.fetching ? t("secondFactor.checking") : t("secondFactor.verify")}
          </Button>
        </>
      )}
      <div className="stack-sm">
        {method === "EMAIL" && !ended ? (
          <Button variant="link" loading={send.fetching} onClick={sendCode}>
            {t("secondFactor.resend")}
          </Button>
        ) : null}
        {methods
          .filter((other) => other !== method && !ended)
          .map((other) => (
            <Button key={other} variant="link" onClick={() => choose(other)}>
              {WORDING[other].switchTo}
            </Button>
          ))}
      </div>
    </form>
  );
}

const isWrongCode = (error: PayloadError) =>
  error.__typename === "InvalidSecondFactorError" && "reason" in error && error.reason === "WRONG_CODE";
