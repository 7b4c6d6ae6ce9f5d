import { type FormEvent, useState } from "react";
import { FormError } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";
import { Field } from "../../../components/ui/Field";
import { SectionCard } from "../../../components/ui/SectionCard";
import { ErrorFields, graphql, type ResultOf } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { PasswordConfirmDialog } from "./PasswordConfirmDialog";

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

/** The authenticator app: set it up with a QR code and one code, or turn it off with the password. */
export function AuthenticatorCard({
  enabled,
  onChanged,
  onRecoveryCodes,
}: {
  enabled: boolean;
  onChanged: () => void;
  onRecoveryCodes: (codes: readonly string[]) => void;
}) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const start = useMutationAction(AuthenticatorCard_Start, (data) => data.startTotpEnrolment, "We couldn't start.");
  const confirm = useMutationForm(AuthenticatorCard_Confirm, (data) => data.confirmTotp, "We couldn't check the code.");

  async function begin() {
    const success = await start.run({});
    if (success) setEnrolment(success.data);
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (
      confirm.reject(/^\d{6}$/.test(code.replace(/\s/g, "")) ? {} : { code: "Enter the 6-digit code from your app." })
    )
      return;
    const success = await confirm.run({ input: { code } });
    if (!success) return;
    setEnrolment(null);
    onRecoveryCodes(success.data);
    onChanged();
  }

  return (
    <SectionCard
      id="authenticator-title"
      title="Authenticator app"
      description="Sign in with a code from an app such as Google Authenticator, 1Password or Aegis."
      action={
        enabled ? (
          <Badge tone="success">On</Badge>
        ) : enrolment ? null : (
          <Button loading={start.fetching} onClick={begin}>
            Set up
          </Button>
        )
      }
    >
      <FormError>{start.error}</FormError>
      {enabled ? (
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setDisabling(true)}>
            Turn off
          </Button>
        </div>
      ) : enrolment ? (
        <form ref={confirm.formRef} className="totp-enrolment" onSubmit={handleConfirm} noValidate>
          <img className="totp-qr" src={enrolment.qrCode} alt="QR code to scan with your authenticator app" />
          <div className="stack">
            <p>1. Scan the QR code with your authenticator app.</p>
            <p>Can't scan it? Enter this key in the app instead:</p>
            <div className="secret-value">
              <code data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
              <CopyButton value={enrolment.secret} label="Copy the key" />
            </div>
            <p>2. Enter the 6-digit code the app shows.</p>
            <FormError>{confirm.formError}</FormError>
            <Field
              label="Code from the app"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              error={confirm.fieldErrors.code}
            />
            <div className="form-actions">
              <Button type="submit" loading={confirm.fetching}>
                Turn on
              </Button>
              <Button variant="secondary" onClick={() => setEnrolment(null)}>
                Cancel
              </Button>
            </div>
          </div>
        </form>
      ) : (
        <p className="muted">Off. Set it up to be asked for a code after your password.</p>
      )}
      <PasswordConfirmDialog
        open={disabling}
        title="Turn off the authenticator app?"
        confirmLabel="Turn off"
        tone="danger"
        explanation="Signing in will no longer ask for a code from your app. Enter your password to confirm."
        document={AuthenticatorCard_Disable}
        pick={(data) => data.disableTotp}
        onDone={onChanged}
        onClose={() => setDisabling(false)}
      />
    </SectionCard>
  );
}
