import { useState } from "react";
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
  const allowed = can(client, "CLIENT_UPDATE");
  const action = useMutationAction(
    PublicClientSwitch_SetPublic,
    (data) => data.setClientOidcPublic,
    "The setting was not saved.",
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
        label="Public client (single-page or native app)"
        name="oidcPublic"
        hint={`For apps that run in the browser or on a device and cannot keep a secret: they sign people in with no secret and must use PKCE (S256), and only to the redirect URIs above. Server-to-server calls (client_credentials) are then closed; leave this off for apps with a back end.${
          allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`
        }`}
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
