import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { can, missingPermissionReason, useClientDashboard } from "../shared";

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

/** The client's pairwise-sub setting, a toggle that saves at once; members without client:update see why not. */
export function PairwiseSwitch({ clientId, pairwise }: { clientId: string; pairwise: boolean }) {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const allowed = can(client, "CLIENT_UPDATE");
  const action = useMutationAction(
    PairwiseSwitch_SetPairwise,
    (data) => data.setClientPairwiseSubjects,
    t("pairwise.failed"),
  );
  // Shown at once; put back if the server refuses.
  const [checked, setChecked] = useState(pairwise);
  async function toggle(next: boolean) {
    setChecked(next);
    if (!(await action.run({ input: { clientId, pairwise: next } }))) setChecked(!next);
  }
  return (
    <div className="stack-sm">
      <CheckboxField
        label={t("pairwise.label")}
        name="pairwiseSubjects"
        hint={`${t("pairwise.hint")}${allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`}`}
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
