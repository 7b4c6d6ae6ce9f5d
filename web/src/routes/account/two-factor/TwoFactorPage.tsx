import { useState } from "react";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { AuthenticatorCard } from "./AuthenticatorCard";
import { EmailCodesCard } from "./EmailCodesCard";
import { PasskeysCard } from "./PasskeysCard";
import { PasswordConfirmDialog } from "./PasswordConfirmDialog";
import { RecoveryCodesOnce } from "./RecoveryCodesOnce";

const TwoFactorPage_Status = graphql(`
  query TwoFactorPage_Status {
    viewer {
      id
      staffNeedsSecondFactor
      twoFactor {
        totpEnabled
        emailEnabled
        recoveryCodesLeft
      }
      passkeys {
        id
        name
        backedUp
        createdAt
        lastUsedAt
      }
    }
  }
`);

const TwoFactorPage_Regenerate = graphql(
  `
    mutation TwoFactorPage_Regenerate($input: RegenerateRecoveryCodesInput!) {
      regenerateRecoveryCodes(input: $input) {
        __typename
        ... on RegenerateRecoveryCodesSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Two-step sign-in: the authenticator app, codes by e-mail, passkeys, and the recovery codes behind them. */
export function TwoFactorPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TwoFactorPage_Status,
    requestPolicy: "network-only",
  });
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const status = data?.viewer?.twoFactor;
  const passkeys = data?.viewer?.passkeys ?? [];

  return (
    <div className="stack">
      <title>Two-step sign-in · Gatehouse</title>
      {data?.viewer?.staffNeedsSecondFactor ? (
        <Alert tone="warning" title="Gatehouse staff must use two-step sign-in">
          Your staff tools stay locked until you turn on an authenticator app, codes by e-mail or a passkey below.
        </Alert>
      ) : null}
      {codes ? <RecoveryCodesOnce codes={codes} onDone={() => setCodes(null)} /> : null}
      {error && !data ? (
        <LoadFailed className="stack" title="We couldn't load your sign-in settings" error={error} onRetry={refresh} />
      ) : fetching && !status ? (
        <StatusBlock label="Loading your sign-in settings…" />
      ) : status ? (
        <>
          <AuthenticatorCard enabled={status.totpEnabled} onChanged={refresh} onRecoveryCodes={setCodes} />
          <EmailCodesCard enabled={status.emailEnabled} onChanged={refresh} onRecoveryCodes={setCodes} />
          <PasskeysCard passkeys={passkeys} onChanged={refresh} onRecoveryCodes={setCodes} />
          {status.totpEnabled || status.emailEnabled || passkeys.length > 0 ? (
            <SectionCard
              id="recovery-title"
              title="Recovery codes"
              description={`${status.recoveryCodesLeft} of 10 left. Each one signs you in once without your second factor.`}
              action={
                <Button variant="secondary" onClick={() => setRegenerating(true)}>
                  New codes
                </Button>
              }
            >
              <p className="muted">New codes replace the old ones, which stop working.</p>
            </SectionCard>
          ) : null}
        </>
      ) : null}
      <PasswordConfirmDialog
        open={regenerating}
        title="Make new recovery codes?"
        confirmLabel="Make new codes"
        explanation="Your current recovery codes will stop working. Enter your password to confirm."
        document={TwoFactorPage_Regenerate}
        pick={(result) => result.regenerateRecoveryCodes}
        onDone={(success) => {
          setCodes(success.data);
          refresh();
        }}
        onClose={() => setRegenerating(false)}
      />
    </div>
  );
}
