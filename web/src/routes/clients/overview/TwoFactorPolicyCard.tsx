import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { FormError } from "../../../components/team/team-kit";
import { SectionCard } from "../../../components/ui/SectionCard";
import { Toggle } from "../../../components/ui/Toggle";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { can, type DashboardClient, missingPermissionReason } from "../shared";

const TwoFactorPolicyCard_Policy = graphql(`
  query TwoFactorPolicyCard_Policy($id: ID!) {
    client(id: $id) {
      id
      requireMemberTwoFactor
    }
  }
`);

const TwoFactorPolicyCard_Set = graphql(
  `
    mutation TwoFactorPolicyCard_Set($input: SetClientTwoFactorPolicyInput!) {
      setClientTwoFactorPolicy(input: $input) {
        __typename
        ... on SetClientTwoFactorPolicySuccess {
          data {
            id
            requireMemberTwoFactor
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** "Members must use 2FA": members without a second factor are refused this client until they add one. */
export function TwoFactorPolicyCard({ client }: { client: DashboardClient }) {
  const { t } = useTranslation("clients");
  const [{ data }] = useQuery({ query: TwoFactorPolicyCard_Policy, variables: { id: client.id } });
  const set = useMutationAction(
    TwoFactorPolicyCard_Set,
    (result) => result.setClientTwoFactorPolicy,
    t("twoFactorPolicy.failed"),
  );
  const allowed = can(client, "CLIENT_UPDATE");
  const required = data?.client?.requireMemberTwoFactor ?? false;
  return (
    <SectionCard
      id="two-factor-policy-title"
      title={t("twoFactorPolicy.title")}
      description={t("twoFactorPolicy.intro")}
    >
      <Toggle
        label={t("twoFactorPolicy.label")}
        checked={required}
        disabled={!allowed || set.fetching || !data}
        hint={allowed ? t("twoFactorPolicy.hint") : missingPermissionReason("CLIENT_UPDATE")}
        onChange={(event) => void set.run({ input: { clientId: client.id, required: event.target.checked } })}
      />
      <FormError>{set.error}</FormError>
    </SectionCard>
  );
}
