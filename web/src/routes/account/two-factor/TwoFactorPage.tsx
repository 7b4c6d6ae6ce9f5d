import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { IdentityProofWays, proofWaysOf } from "../../../lib/use-passkey-proof";
import { AuthenticatorCard } from "./AuthenticatorCard";
import { EmailCodesCard } from "./EmailCodesCard";
import { PasskeysCard } from "./PasskeysCard";
import { ProofConfirmDialog } from "./ProofConfirmDialog";
import { RecoveryCodesOnce } from "./RecoveryCodesOnce";

const TwoFactorPage_Status = graphql(
  `
  query TwoFactorPage_Status {
    viewer {
      id
      staffNeedsSecondFactor
      ...IdentityProofWays
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
`,
  [IdentityProofWays],
);

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
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TwoFactorPage_Status,
    requestPolicy: "network-only",
  });
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const status = data?.viewer?.twoFactor;
  const passkeys = data?.viewer?.passkeys ?? [];
  const ways = proofWaysOf(data?.viewer);

  return (
    <div className="stack">
      <title>{t("twoFactor.tabTitle")}</title>
      {data?.viewer?.staffNeedsSecondFactor ? (
        <Alert tone="warning" title={t("twoFactor.staffTitle")}>
          {t("twoFactor.staffBody")}
        </Alert>
      ) : null}
      {codes ? <RecoveryCodesOnce codes={codes} onDone={() => setCodes(null)} /> : null}
      {error && !data ? (
        <LoadFailed className="stack" title={t("twoFactor.loadFailed")} error={error} onRetry={refresh} />
      ) : fetching && !status ? (
        <StatusBlock label={t("twoFactor.loading")} />
      ) : status ? (
        <>
          <AuthenticatorCard enabled={status.totpEnabled} ways={ways} onChanged={refresh} onRecoveryCodes={setCodes} />
          <EmailCodesCard enabled={status.emailEnabled} ways={ways} onChanged={refresh} onRecoveryCodes={setCodes} />
          <PasskeysCard passkeys={passkeys} ways={ways} onChanged={refresh} onRecoveryCodes={setCodes} />
          {status.totpEnabled || status.emailEnabled || passkeys.length > 0 ? (
            <SectionCard
              id="recovery-title"
              title={t("twoFactor.recovery.title")}
              description={t("twoFactor.recovery.left", { count: status.recoveryCodesLeft })}
              action={
                <Button variant="secondary" onClick={() => setRegenerating(true)}>
                  {t("twoFactor.recovery.new")}
                </Button>
              }
            >
              <p className="muted">{t("twoFactor.recovery.replace")}</p>
            </SectionCard>
          ) : null}
        </>
      ) : null}
      <ProofConfirmDialog
        open={regenerating}
        title={t("twoFactor.recovery.regenTitle")}
        confirmLabel={t("twoFactor.recovery.regenConfirm")}
        explanation={t("twoFactor.recovery.regenExplanation")}
        ways={ways}
        document={TwoFactorPage_Regenerate}
        variables={(proof) => ({ input: proof })}
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
