import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { SectionCard } from "../../../components/ui/SectionCard";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import type { ProofWays } from "../../../lib/use-passkey-proof";
import { ProofConfirmDialog } from "./ProofConfirmDialog";

const EmailCodesCard_Enable = graphql(
  `
    mutation EmailCodesCard_Enable {
      enableEmailFactor {
        __typename
        ... on EnableEmailFactorSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const EmailCodesCard_Disable = graphql(
  `
    mutation EmailCodesCard_Disable($input: DisableEmailFactorInput!) {
      disableEmailFactor(input: $input) {
        __typename
        ... on DisableEmailFactorSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Sign-in codes by e-mail: on with one click (for a confirmed address), off once the person proves it is them. */
export function EmailCodesCard({
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
  const [disabling, setDisabling] = useState(false);
  const enable = useMutationAction(
    EmailCodesCard_Enable,
    (data) => data.enableEmailFactor,
    t("twoFactor.email.onFailed"),
  );

  async function turnOn() {
    const success = await enable.run({});
    if (!success) return;
    if (success.data.length > 0) onRecoveryCodes(success.data);
    onChanged();
  }

  return (
    <SectionCard
      id="email-codes-title"
      title={t("twoFactor.email.title")}
      description={t("twoFactor.email.description")}
      action={enabled ? <Badge tone="success">{t("twoFactor.on")}</Badge> : null}
    >
      <FormError>{enable.error}</FormError>
      <div className="form-actions">
        {enabled ? (
          <Button variant="secondary" onClick={() => setDisabling(true)}>
            {t("twoFactor.turnOff")}
          </Button>
        ) : (
          <Button variant="secondary" loading={enable.fetching} onClick={turnOn}>
            {t("twoFactor.email.turnOn")}
          </Button>
        )}
      </div>
      <ProofConfirmDialog
        open={disabling}
        title={t("twoFactor.email.offTitle")}
        confirmLabel={t("twoFactor.turnOff")}
        tone="danger"
        explanation={t("twoFactor.email.offExplanation")}
        ways={ways}
        document={EmailCodesCard_Disable}
        variables={(proof) => ({ input: proof })}
        pick={(data) => data.disableEmailFactor}
        onDone={onChanged}
        onClose={() => setDisabling(false)}
      />
    </SectionCard>
  );
}
