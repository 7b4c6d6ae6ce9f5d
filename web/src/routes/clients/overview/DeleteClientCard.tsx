import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { DashboardClient } from "../shared";

const DeleteClientCard_DeleteClient = graphql(
  `
    mutation DeleteClientCard_DeleteClient($input: DeleteClientInput!) {
      deleteClient(input: $input) {
        __typename
        ... on DeleteClientSuccess {
          data {
            id
            name
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function DeleteClientCard({ client }: { client: DashboardClient }) {
  const { t } = useTranslation("clients");
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const isOwner = client.myRoleLevel === 100;

  return (
    <Card aria-labelledby="delete-title" className="danger-zone">
      <div className="section-head">
        <div>
          <h2 id="delete-title">{t("delete.title")}</h2>
          <p className="muted">{t("delete.intro")}</p>
          {!isOwner ? <p className="reason">{t("delete.ownerOnly")}</p> : null}
        </div>
        <Button variant="danger" disabled={!isOwner} onClick={() => setOpen(true)}>
          {t("delete.title")}
        </Button>
      </div>
      <ConfirmMutationDialog
        open={open}
        title={t("delete.confirmTitle", { name: client.name })}
        confirmLabel={t("delete.title")}
        confirmDisabled={typed !== client.name}
        document={DeleteClientCard_DeleteClient}
        variables={() => ({ input: { clientId: client.id, confirmName: typed } })}
        pick={(data) => data.deleteClient}
        fallback={t("delete.failed")}
        onDone={() => navigate("/clients", { replace: true })}
        onClose={() => {
          setOpen(false);
          setTyped("");
        }}
      >
        <p>{t("delete.confirmBody")}</p>
        <Field
          label={t("delete.typeName", { name: client.name })}
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmMutationDialog>
    </Card>
  );
}
