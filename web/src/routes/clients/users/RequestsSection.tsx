import { useState } from "react";
import { useQuery } from "urql";
import { lacking, RowButton, SectionHead } from "../../../components/team/team-kit";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";
import { KIND_LABEL, type SentRequest, SentRequestFields, STATUS } from "./request-fields";
import { SendRequestForm } from "./SendRequestForm";

const RequestsSection_Requests = graphql(
  `
    query RequestsSection_Requests($id: ID!) {
      client(id: $id) {
        id
        accessRequests {
          ...SentRequestFields
        }
        scopes {
          enabled
          scope {
            key
            description
            tier
          }
        }
      }
    }
  `,
  [SentRequestFields],
);

const RequestsSection_Cancel = graphql(
  `
    mutation RequestsSection_Cancel($input: CancelAccessRequestInput!) {
      cancelAccessRequest(input: $input) {
        __typename
        ... on CancelAccessRequestSuccess {
          data {
            ...SentRequestFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SentRequestFields, ErrorFields],
);

export function RequestsSection({ clientId }: { clientId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RequestsSection_Requests,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });
  const [cancelling, setCancelling] = useState<SentRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { client: viewer } = useClientDashboard();
  const client = data?.client;
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const noSend = lacking(viewer, "REQUESTS_SEND");
  const requests = client?.accessRequests;

  return (
    <>
      {client ? (
        <SendRequestForm
          clientId={client.id}
          noSend={noSend}
          enabledScopes={client.scopes.filter((s) => s.enabled).map((s) => s.scope)}
          onSent={(request) => {
            setNotice(`If ${request.email} belongs to a Gatehouse account, the request is waiting for their answer.`);
            refresh();
          }}
        />
      ) : null}
      <Card aria-labelledby="sent-title">
        <SectionHead id="sent-title" title="Sent requests">
          Each request waits for the person to accept or decline it in their account.
        </SectionHead>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed className="stack" title="We couldn't load the requests" error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label="Loading requests…" />
        ) : !client ? null : !requests ? (
          <Alert tone="info">You need the requests:send or users:read permission to see the requests.</Alert>
        ) : requests.length === 0 ? (
          <EmptyState title="No requests sent yet">Requests you send appear here with their status.</EmptyState>
        ) : (
          <Table
            caption="Access and test-user requests sent by the client"
            columns={["To", "Kind", "Scopes", "Status"]}
            actions
          >
            {requests.map((request) => (
              <tr key={request.id}>
                <td data-label="To">
                  <span className="team-cell">
                    <span className="team-cell-main">{request.user.name ?? "Name shown once they accept"}</span>
                    <span className="team-cell-sub">{request.user.email}</span>
                  </span>
                </td>
                <td data-label="Kind">{KIND_LABEL[request.kind]}</td>
                <td data-label="Scopes">
                  {request.scopes.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <span className="team-tags">
                      {request.scopes.map((scope) => (
                        <code key={scope} className="scope-key">
                          {scope}
                        </code>
                      ))}
                    </span>
                  )}
                </td>
                <td data-label="Status">
                  <span className="team-cell">
                    <Badge tone={STATUS[request.status].tone}>{STATUS[request.status].label}</Badge>
                    <span className="team-cell-sub">
                      {request.respondedAt
                        ? formatDateTime(request.respondedAt)
                        : `sent ${formatDateTime(request.createdAt)}`}
                    </span>
                  </span>
                </td>
                <td className="table-actions">
                  {request.status === "PENDING" ? (
                    <RowButton
                      reason={noSend}
                      label={`Cancel the request to ${request.user.email}`}
                      onClick={() => setCancelling(request)}
                    >
                      Cancel
                    </RowButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <ConfirmMutationDialog
        open={!!cancelling}
        title="Cancel this request?"
        confirmLabel="Cancel request"
        cancelLabel="Keep it"
        document={RequestsSection_Cancel}
        variables={() => ({ input: { accessRequestId: cancelling?.id ?? "" } })}
        pick={(result) => result.cancelAccessRequest}
        fallback="We couldn't cancel the request."
        onDone={(success) => {
          setNotice(`The request to ${success.data.user.email} was cancelled.`);
          refresh();
        }}
        onClose={() => setCancelling(null)}
      >
        <p>{cancelling ? `${cancelling.user.email} will no longer see it.` : null}</p>
      </ConfirmMutationDialog>
    </>
  );
}
