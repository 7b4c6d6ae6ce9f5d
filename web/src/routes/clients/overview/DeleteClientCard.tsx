import { useState } from "react";
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
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const isOwner = client.myRoleLevel === 100;

  return (
    <Card aria-labelledby="delete-title" className="danger-zone">
      <div className="section-head">
        <div>
          <h2 id="delete-title">Delete client</h2>
          <p className="muted">
            Deletes the client with its domains, secrets, members and roles. Apps using it stop working at once.
          </p>
          {!isOwner ? <p className="reason">Only an Owner of this client can delete it.</p> : null}
        </div>
        <Button variant="danger" disabled={!isOwner} onClick={() => setOpen(true)}>
          Delete client
        </Button>
      </div>
      <ConfirmMutationDialog
        open={open}
        title={`Delete ${client.name}?`}
        confirmLabel="Delete client"
        confirmDisabled={typed !== client.name}
        document={DeleteClientCard_DeleteClient}
        variables={() => ({ input: { clientId: client.id, confirmName: typed } })}
        pick={(data) => data.deleteClient}
        fallback="We couldn't delete the client."
        onDone={() => navigate("/clients", { replace: true })}
        onClose={() => {
          setOpen(false);
          setTyped("");
        }}
      >
        <p>This cannot be undone. Type the client's name to confirm.</p>
        <Field
          label={`Type "${client.name}"`}
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmMutationDialog>
    </Card>
  );
}
