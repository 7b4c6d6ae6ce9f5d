import { useTranslation } from "react-i18next";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { ClientSettingSwitch } from "./ClientSettingSwitch";

const PairwiseSwitch_SetPairwise = graphql(
  `
    mutation PairwiseSwitch_SetPairwise($input: SetClientPairwiseSubjectsInput!) {
      setClientPairwiseSubjects(input: $input) {
        __typename
        ... on SetClientPairwiseSubjectsSuccess {
          data {
            id
            pairwiseSubjects
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The client's pairwise-sub setting, a toggle that saves at once. */
export function PairwiseSwitch({ clientId, pairwise }: { clientId: string; pairwise: boolean }) {
  const { t } = useTranslation("clients");
  const action = useMutationAction(
    PairwiseSwitch_SetPairwise,
    (data) => data.setClientPairwiseSubjects,
    t("pairwise.failed"),
  );
  return (
    <ClientSettingSwitch
      label={t("pairwise.label")}
      hint={t("pairwise.hint")}
      name="pairwiseSubjects"
      initial={pairwise}
      save={(next) => action.run({ input: { clientId, pairwise: next } })}
      saving={action.fetching}
      error={action.error}
    />
  );
}
