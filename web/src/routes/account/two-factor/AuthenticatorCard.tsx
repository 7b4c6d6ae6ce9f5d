import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";
import { Field } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { ErrorFields, graphql, type ResultOf } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { useMutationForm } from "../../../lib/use-mutation-form";
import type { ProofWays } from "../../../lib/use-passkey-proof";
import { ProofConfirmDialog } from "./ProofConfirmDialog";

const AuthenticatorCard_Start = graphql(
  `
    mutation AuthenticatorCard_Start {
      startTotpEnrolment {
        __typename
        ... on StartTotpEnrolmentSuccess {
          data {
            secret
            qrCode
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const AuthenticatorCard_Confirm = graphql(
  `
    mutation AuthenticatorCard_Confirm($input: ConfirmTotpInput!) {
      confirmTotp(input: $input) {
        __typename
        ... on ConfirmTotpSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const AuthenticatorCard_Disable = graphql(
  `
    mutation AuthenticatorCard_Disable($input: DisableTotpInput!) {
      disableTotp(input: $input) {
        __typename
        ... on DisableTotpSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Enrolment = NonNullable<
  Extract<ResultOf<typeof AuthenticatorCard_Start>["startTotpEnrolment"], { __typename: "StartTotpEnrolmentSuccess" }>
>["data"];

/** The authenticator app: set it up with a QR code and one code, or turn it off once the person proves it is them. */
export function AuthenticatorCard({
  enabled,
  ways,
  onChanged,
  onRecoveryCodes,
}: {
  enabled: boolean;
  ways: ProofWays;
  onChanged: () => void;
  onRecoveryCodes: (codes: readonly string[]) => void;
}) {
  const { t } = useTranslation("account");
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const start = useMutationAction(
    AuthenticatorCard_Start,
    (data) => data.startTotpEnrolment,
    t("twoFactor.app.startFailed"),
  );
  const confirm = useMutationForm(
    AuthenticatorCard_Confirm,
    (data) => data.confirmTotp,
    t("twoFactor.app.checkFailed"),
  );

  async function begin() {
    const success = await start.run({});
    if (success) setEnrolment(success.data);
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (confirm.reject(/^\d{6}$/.test(code.replace(/\s/g, "")) ? {} : { code: t("twoFactor.app.codeInvalid") })) return;
    const success = await confirm.run({ input: { code } });
    if (!success) return;
    setEnrolment(null);
    onRecoveryCodes(success.data);
    onChanged();
  }

  return (
    <SectionCard
      id="authenticator-title"
      title={t("twoFactor.app.title")}
      description={t("twoFactor.app.description")}
      action={
        enabled ? (
          <Badge tone="success">{t("twoFactor.on")}</Badge>
        ) : enrolment ? null : (
          <Button loading={start.fetching} onClick={begin}>
            {t("twoFactor.app.setUp")}
          </Button>
        )
      }
    >
      <FormError>{start.error}</FormError>
      {enabled ? (
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setDisabling(true)}>
            {t("twoFactor.turnOff")}
          </Button>
        </div>
      ) : enrolment ? (
        <form ref={confirm.formRef} className="totp-enrolment" onSubmit={handleConfirm} noValidate>
          <img className="totp-qr" src={enrolment.qrCode} alt={t("twoFactor.app.qr")} />
          <div className="stack">
            <p>{t("twoFactor.app.step1")}</p>
            <p>{t("twoFactor.app.cantScan")}</p>
            <div className="secret-value">
              <code data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
              <CopyButton value={enrolment.secret} label={t("twoFactor.app.copyKey")} />
            </div>
            <p>{t("twoFactor.app.step2")}</p>
            <FormError>{confirm.formError}</FormError>
            <Field
              label={t("twoFactor.app.code")}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              error={confirm.fieldErrors.code}
            />
            <div className="form-actions">
              <Button type="submit" loading={confirm.fetching}>
                {t("twoFactor.app.turnOn")}
              </Button>
              <Button variant="secondary" onClick={() => setEnrolment(null)}>
                {t("twoFactor.cancel")}
              </Button>
            </div>
          </div>
        </form>
      ) : (
        <p className="muted">{t("twoFactor.app.off")}</p>
      )}
      <ProofConfirmDialog
        open={disabling}
        title={t("twoFactor.app.offTitle")}
        confirmLabel={t("twoFactor.turnOff")}
        tone="danger"
        explanation={t("twoFactor.app.offExplanation")}
        ways={ways}
        document={AuthenticatorCard_Disable}
        variables={(proof) => ({ input: proof })}
        pick={(data) => data.disableTotp}
        onDone={onChanged}
        onClose={() => setDisabling(false)}
      />
    </SectionCard>
  );
}
