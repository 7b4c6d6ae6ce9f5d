import { useState } from "react";
import { useTranslation } from "react-i18next";
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
import { type SentRequest, SentRequestFields, STATUS_TONE } from "./request-fields";
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
  const { t } = useTranslation("clients");
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
            setNotice(t("users.requests.sent", { email: request.email }));
            refresh();
          }}
        />
      ) : null}
      <Card aria-labelledby="sent-title">
        <SectionHead id="sent-title" title={t("users.requests.title")}>
          {t("users.requests.intro")}
        </SectionHead>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed className="stack" title={t("users.requests.loadFailed")} error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label={t("users.requests.loading")} />
        ) : !client ? null : !requests ? (
          <Alert tone="info">{t("users.requests.noRead")}</Alert>
        ) : requests.length === 0 ? (
          <EmptyState title={t("users.requests.emptyTitle")}>{t("users.requests.emptyBody")}</EmptyState>
        ) : (
          <Table
            caption={t("users.requests.caption")}
            columns={[t("users.requests.to"), t("domains.urls.kind"), "Scopes", t("secrets.status.label")]}
            actions
          >
            {requests.map((request) => (
              <tr key={request.id}>
                <td data-label={t("users.requests.to")}>
                  <span className="team-cell">
                    <span className="team-cell-main">{request.user.name ?? t("users.requests.nameLater")}</span>
                    <span className="team-cell-sub">{request.user.email}</span>
                  </span>
                </td>
                <td data-label={t("domains.urls.kind")}>{t(`users.kind.${request.kind}`)}</td>
                <td data-label="Scopes">
                  {request.scopes.length === 0 ? (
                    <span className="muted">{t("secrets.none")}</span>
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
                <td data-label={t("secrets.status.label")}>
                  <span className="team-cell">
                    <Badge tone={STATUS_TONE[request.status]}>{t(`users.status.${request.status}`)}</Badge>
                    <span className="team-cell-sub">
                      {request.respondedAt
                        ? formatDateTime(request.respondedAt)
                        : t("users.requests.sentAt", { date: formatDateTime(request.createdAt) })}
                    </span>
                  </span>
                </td>
                <td className="table-actions">
                  {request.status === "PENDING" ? (
                    <RowButton
                      reason={noSend}
                      label={t("users.requests.cancelLabel", { email: request.user.email })}
                      onClick={() => setCancelling(request)}
                    >
                      {t("users.requests.cancelShort")}
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
        title={t("users.requests.cancelTitle")}
        confirmLabel={t("users.requests.cancel")}
        cancelLabel={t("verification.keep")}
        document={RequestsSection_Cancel}
        variables={() => ({ input: { accessRequestId: cancelling?.id ?? "" } })}
        pick={(result) => result.cancelAccessRequest}
        fallback={t("users.requests.cancelFailed")}
        onDone={(success) => {
          setNotice(t("users.requests.cancelled", { email: success.data.user.email }));
          refresh();
        }}
        onClose={() => setCancelling(null)}
      >
        <p>{cancelling ? t("users.requests.cancelBody", { email: cancelling.user.email }) : null}</p>
      </ConfirmMutationDialog>
    </>
  );
}
