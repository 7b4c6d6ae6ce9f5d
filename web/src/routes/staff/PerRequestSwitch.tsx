import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "../../components/ui/Field";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationAction } from "../../lib/use-mutation-action";

const PerRequestSwitch_Set = graphql(
  `
    mutation PerRequestSwitch_Set($input: SetVerifiedScopesPerRequestInput!) {
      setVerifiedScopesPerRequest(input: $input) {
        __typename
        ... on SetVerifiedScopesPerRequestSuccess {
          data {
            clientId
            allowed
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Staff let an unverified client ask one person at a time for VERIFIED-tier scopes; saves at once. */
export function PerRequestSwitch({
  clientId,
  clientName,
  allowed,
}: {
  clientId: string;
  clientName: string;
  allowed: boolean;
}) {
  const { t } = useTranslation("staff");
  const action = useMutationAction(
    PerRequestSwitch_Set,
    (data) => data.setVerifiedScopesPerRequest,
    t("perRequest.failed"),
  );
  // Shown at once; put back if the server refuses.
  const [checked, setChecked] = useState(allowed);
  async function toggle(next: boolean) {
    setChecked(next);
    if (!(await action.run({ input: { clientId, allowed: next } }))) setChecked(!next);
  }
  return (
    <div className="stack-sm">
      <CheckboxField
        label={t("perRequest.label")}
        name={`perRequest-${clientId}`}
        aria-label={t("perRequest.labelFor", { client: clientName })}
        hint={t("perRequest.hint")}
        checked={checked}
        disabled={action.fetching}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      {action.error ? (
        <p className="field-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}
