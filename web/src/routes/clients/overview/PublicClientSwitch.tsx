import { useTranslation } from "react-i18next";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { ClientSettingSwitch } from "./ClientSettingSwitch";

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
  const { t } = useTranslation("clients");
  const action = useMutationAction(
    PublicClientSwitch_SetPublic,
    (data) => data.setClientOidcPublic,
    t("pairwise.failed"),
  );
  return (
    <ClientSettingSwitch
      label={t("publicClient.label")}
      hint={t("publicClient.hint")}
      name="oidcPublic"
      initial={publicClient}
      save={(next) => action.run({ input: { clientId, publicClient: next } })}
      saving={action.fetching}
      error={action.error}
    />
  );
}
