import { useState } from "react";
import { FormError } from "../../../components/team/team-kit";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { SectionCard } from "../../../components/ui/SectionCard";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { PasswordConfirmDialog } from "./PasswordConfirmDialog";

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

/** Sign-in codes by e-mail: on with one click (for a confirmed address), off with the password. */
export function EmailCodesCard({
  enabled,
  onChanged,
  onRecoveryCodes,
}: {
  enabled: boolean;
  onChanged: () => void;
  onRecoveryCodes: (codes: readonly string[]) => void;
}) {
  const [disabling, setDisabling] = useState(false);
  const enable = useMutationAction(EmailCodesCard_Enable, (data) => data.enableEmailFactor, "We couldn't turn it on.");

  async function turnOn() {
    const success = await enable.run({});
    if (!success) return;
    if (success.data.length > 0) onRecoveryCodes(success.data);
    onChanged();
  }

  return (
    <SectionCard
      id="email-codes-title"
      title="Codes by e-mail"
      description="We mail you a 6-digit code each time you sign in. It works for 10 minutes."
      action={enabled ? <Badge tone="success">On</Badge> : null}
    >
      <FormError>{enable.error}</FormError>
      <div className="form-actions">
        {enabled ? (
          <Button variant="secondary" onClick={() => setDisabling(true)}>
            Turn off
          </Button>
        ) : (
          <Button variant="secondary" loading={enable.fetching} onClick={turnOn}>
            Turn on codes by e-mail
          </Button>
        )}
      </div>
      <PasswordConfirmDialog
        open={disabling}
        title="Turn off codes by e-mail?"
        confirmLabel="Turn off"
        tone="danger"
        explanation="Signing in will no longer mail you a code. Enter your password to confirm."
        document={EmailCodesCard_Disable}
        pick={(data) => data.disableEmailFactor}
        onDone={onChanged}
        onClose={() => setDisabling(false)}
      />
    </SectionCard>
  );
}
