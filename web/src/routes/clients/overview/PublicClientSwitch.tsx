import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { can, missingPermissionReason, useClientDashboard } from "../shared";

const PublicClientSwitch_SetPublic = graphql(
  `
    mutation PublicClientSwitch_SetPublic($input: SetClientOidcPublicInput!) {
      setClientOidcPublic(input: $input) {
        __typename
        ... on SetClientOidcPublicSuccess {
          data {
            id
            oidcPublic
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Whether the client's OpenID Connect apps are public (SPA, native): a toggle that saves at once. */
export function PublicClientSwitch({ clientId, publicClient }: { clientId: string; publicClient: boolean }) {
  const { client } = useClientDashboard();
  const { t } = useTranslation("clients");
  const allowed = can(client, "CLIENT_UPDATE");
  const action = useMutationAction(
    PublicClientSwitch_SetPublic,
    (data) => data.setClientOidcPublic,
    t("pairwise.failed"),
  );
  // Shown at once; put back if the server refuses.
  const [checked, setChecked] = useState(publicClient);
  async function toggle(next: boolean) {
    setChecked(next);
    if (!(await action.run({ input: { clientId, publicClient: next } }))) setChecked(!next);
  }
  return (
    <div className="stack-sm">
      <CheckboxField
        label={t("publicClient.label")}
        name="oidcPublic"
        hint={`${t("publicClient.hint")}${allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`}`}
        checked={checked}
        disabled={!allowed || action.fetching}
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
