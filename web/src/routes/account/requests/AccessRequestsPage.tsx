import { useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError } from "../../../lib/errors";
import { formatDate, formatDateTime, PAYLOAD_ERROR_FIELDS, type PayloadError } from "../account-shared";

type AccessRequestStatus = "ACCEPTED" | "CANCELLED" | "DECLINED" | "PENDING";

type IncomingRequest = {
  id: string;
  client: { id: string; name: string };
  kind: "ACCESS" | "TEST_USER";
  message: string | null;
  createdAt: string;
  respondedAt: string | null;
  status: AccessRequestStatus;
  scopes: { key: string; description: string; tier: "BASIC" | "VERIFIED" }[];
};

const REQUEST_FIELDS = `
  id
  client {
    id
    name
  }
  kind
  message
  createdAt
  respondedAt
  status
  scopes {
    key
    description
    tier
  }
`;

const AccessRequestsPageRequests = gql<
  {
    viewer: {
      id: string;
      pending: IncomingRequest[];
      accepted: IncomingRequest[];
      declined: IncomingRequest[];
    } | null;
  },
  Record<string, never>
>`
  query AccessRequestsPage_Requests {
    viewer {
      id
      pending: accessRequests(status: PENDING) {
        ${REQUEST_FIELDS}
      }
      accepted: accessRequests(status: ACCEPTED) {
        ${REQUEST_FIELDS}
      }
      declined: accessRequests(status: DECLINED) {
        ${REQUEST_FIELDS}
      }
    }
  }
`;

type RespondResult = {
  __typename: "AcceptAccessRequestSuccess" | "DeclineAccessRequestSuccess";
  data: IncomingRequest;
};

const AccessRequestsPageAccept = gql<
  { acceptAccessRequest: RespondResult | PayloadError },
  { input: { accessRequestId: string } }
>`
  mutation AccessRequestsPage_Accept($input: AcceptAccessRequestInput!) {
    acceptAccessRequest(input: $input) {
      ${PAYLOAD_ERROR_FIELDS}
      ... on AcceptAccessRequestSuccess {
        data {
          ${REQUEST_FIELDS}
        }
      }
    }
  }
`;

const AccessRequestsPageDecline = gql<
  { declineAccessRequest: RespondResult | PayloadError },
  { input: { accessRequestId: string } }
>`
  mutation AccessRequestsPage_Decline($input: DeclineAccessRequestInput!) {
    declineAccessRequest(input: $input) {
      ${PAYLOAD_ERROR_FIELDS}
      ... on DeclineAccessRequestSuccess {
        data {
          ${REQUEST_FIELDS}
        }
      }
    }
  }
`;

const KIND_LABEL: Record<IncomingRequest["kind"], string> = {
  ACCESS: "Access request",
  TEST_USER: "Test-user invitation",
};

export function AccessRequestsPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AccessRequestsPageRequests,
    requestPolicy: "cache-and-network",
  });
  const [pending, setPending] = useState<{ id: string; action: "accept" | "decline" } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [, accept] = useMutation(AccessRequestsPageAccept);
  const [, decline] = useMutation(AccessRequestsPageDecline);
  const viewer = data?.viewer;
  const answered = viewer
    ? [...viewer.accepted, ...viewer.declined].sort((a, b) =>
        (b.respondedAt ?? b.createdAt).localeCompare(a.respondedAt ?? a.createdAt),
      )
    : [];

  async function respond(request: IncomingRequest, action: "accept" | "decline") {
    setPending({ id: request.id, action });
    setNotice(null);
    setErrors(({ [request.id]: _, ...rest }) => rest);
    const variables = { input: { accessRequestId: request.id } };
    const result = action === "accept" ? await accept(variables) : await decline(variables);
    setPending(null);
    const payload =
      result.data &&
      ("acceptAccessRequest" in result.data ? result.data.acceptAccessRequest : result.data.declineAccessRequest);
    if (!payload) {
      const message = result.error ? describeError(result.error) : "We couldn't send your answer.";
      return setErrors((current) => ({ ...current, [request.id]: message }));
    }
    if ("message" in payload) return setErrors((current) => ({ ...current, [request.id]: payload.message }));
    setNotice(
      action === "accept"
        ? `You accepted the request from ${request.client.name}.`
        : `You declined the request from ${request.client.name}.`,
    );
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <div className="stack">
      <title>Access requests · Gatehouse</title>
      <Card aria-labelledby="requests-title">
        <header className="section-head">
          <div>
            <h2 id="requests-title">Access requests</h2>
            <p className="muted">
              Apps can ask you for more of your details, or invite you to test them before they go live.
            </p>
          </div>
        </header>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <div className="stack">
            <Alert tone="error" title="We couldn't load your requests">
              {describeError(error)}
            </Alert>
            <div>
              <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                Try again
              </Button>
            </div>
          </div>
        ) : fetching && !viewer ? (
          <StatusBlock label="Loading your requests…" />
        ) : viewer && viewer.pending.length === 0 ? (
          <EmptyState title="No requests waiting">
            When an app asks you for something, you can answer it here.
          </EmptyState>
        ) : viewer ? (
          <ul className="item-list" aria-label="Requests waiting for your answer">
            {viewer.pending.map((request) => {
              const busy = pending?.id === request.id;
              return (
                <li key={request.id} className="item" aria-labelledby={`request-${request.id}`}>
                  <div className="item-head">
                    <span className="item-avatar" aria-hidden="true">
                      {request.client.name.trim().charAt(0).toUpperCase() || "?"}
                    </span>
                    <div className="item-title">
                      <h3 id={`request-${request.id}`}>{request.client.name}</h3>
                      <p className="item-meta">
                        <Badge tone={request.kind === "TEST_USER" ? "info" : "neutral"}>
                          {KIND_LABEL[request.kind]}
                        </Badge>{" "}
                        sent {formatDate(request.createdAt)}
                      </p>
                    </div>
                  </div>
                  <div className="item-body">
                    {request.message ? <blockquote className="request-message">{request.message}</blockquote> : null}
                    {request.scopes.length > 0 ? (
                      <>
                        <p className="item-label">
                          {request.kind === "TEST_USER" ? "As a test user it could:" : "It asks to:"}
                        </p>
                        <ul className="scope-words">
                          {request.scopes.map((scope) => (
                            <li key={scope.key}>
                              {scope.description} <code className="scope-key">{scope.key}</code>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : request.kind === "TEST_USER" ? (
                      <p className="muted">It invites you to try the app before it is public.</p>
                    ) : null}
                    {errors[request.id] ? (
                      <p className="field-error" role="alert">
                        {errors[request.id]}
                      </p>
                    ) : null}
                    <div className="item-footer">
                      <Button
                        onClick={() => respond(request, "accept")}
                        loading={busy && pending?.action === "accept"}
                        disabled={busy}
                        aria-label={`Accept the request from ${request.client.name}`}
                      >
                        Accept
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => respond(request, "decline")}
                        loading={busy && pending?.action === "decline"}
                        disabled={busy}
                        aria-label={`Decline the request from ${request.client.name}`}
                      >
                        Decline
                      </Button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </Card>
      {answered.length > 0 ? (
        <Card aria-labelledby="answered-title">
          <h2 id="answered-title">Answered</h2>
          <ul className="plain-list">
            {answered.map((request) => (
              <li key={request.id} className="plain-row">
                <span>
                  <strong>{request.client.name}</strong> · {KIND_LABEL[request.kind]}
                </span>
                <span className="item-meta">
                  <Badge tone={request.status === "ACCEPTED" ? "success" : "neutral"}>
                    {request.status === "ACCEPTED" ? "Accepted" : "Declined"}
                  </Badge>{" "}
                  {request.respondedAt ? formatDateTime(request.respondedAt) : null}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
