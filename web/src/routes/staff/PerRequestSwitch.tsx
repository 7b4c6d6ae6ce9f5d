import { useState } from "react";
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
  const action = useMutationAction(
    PerRequestSwitch_Set,
    (data) => data.setVerifiedScopesPerRequest,
    "The setting was not saved.",
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
        label="Allow VERIFIED scopes per request"
        name={`perRequest-${clientId}`}
        aria-label={`Allow VERIFIED scopes per request for ${clientName}`}
        hint="Before verification, this client may ask one person at a time for VERIFIED-tier scopes through an access request; the person still accepts or declines."
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
