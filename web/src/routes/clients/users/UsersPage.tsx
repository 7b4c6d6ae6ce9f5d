import { type FormEvent, useRef, useState } from "react";
import { useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { describeError, focusFirstInvalid, looksLikeEmail } from "../../../lib/errors";
import { SelectField, TextAreaField } from "../../account/account-fields";
import {
  Check,
  CheckGroup,
  CLIENT_ACCESS_FIELDS,
  type ClientAccess,
  FormError,
  LoadFailed,
  lacking,
  Reason,
  SectionHead,
} from "../members/team-kit";
import { ERROR_FIELDS, formatDateTime, type MutationError, splitMutationError } from "../shared";

const PAGE_SIZE = 20;

type ClientUser = {
  id: string;
  sub: string;
  name: string;
  email: string;
  firstLoginAt: string;
  lastLoginAt: string;
  loginCount: number;
  isTestUser: boolean;
};

type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: ClientUser }[];
};

const UsersPageUsers = gql<
  { client: (ClientAccess & { users: Connection | null }) | null },
  { id: string; first: number; after: string | null }
>`
  query UsersPage_Users($id: ID!, $first: Int, $after: String) {
    client(id: $id) {
      ${CLIENT_ACCESS_FIELDS}
      users(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            sub
            name
            email
            firstLoginAt
            lastLoginAt
            loginCount
            isTestUser
          }
        }
      }
    }
  }
`;

type Kind = "ACCESS" | "TEST_USER";
type RequestStatus = "PENDING" | "ACCEPTED" | "DECLINED" | "CANCELLED";
type SentRequest = {
  id: string;
  kind: Kind;
  status: RequestStatus;
  message: string | null;
  scopes: string[];
  createdAt: string;
  respondedAt: string | null;
  user: { name: string; email: string };
};

const REQUEST_FIELDS = `
  id
  kind
  status
  message
  scopes
  createdAt
  respondedAt
  user {
    name
    email
  }
`;

const UsersPageRequests = gql<
  {
    client:
      | (ClientAccess & {
          accessRequests: SentRequest[] | null;
          scopes: { enabled: boolean; scope: { key: string; description: string; tier: "BASIC" | "VERIFIED" } }[];
        })
      | null;
  },
  { id: string }
>`
  query UsersPage_Requests($id: ID!) {
    client(id: $id) {
      ${CLIENT_ACCESS_FIELDS}
      accessRequests {
        ${REQUEST_FIELDS}
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
`;

const UsersPageSend = gql<
  { sendAccessRequest: { __typename: "SendAccessRequestSuccess"; data: SentRequest } | MutationError },
  { input: { clientId: string; email: string; kind: Kind; scopeKeys: string[]; message: string | null } }
>`
  mutation UsersPage_Send($input: SendAccessRequestInput!) {
    sendAccessRequest(input: $input) {
      __typename
      ... on SendAccessRequestSuccess {
        data {
          ${REQUEST_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const UsersPageCancel = gql<
  { cancelAccessRequest: { __typename: "CancelAccessRequestSuccess"; data: SentRequest } | MutationError },
  { input: { accessRequestId: string } }
>`
  mutation UsersPage_Cancel($input: CancelAccessRequestInput!) {
    cancelAccessRequest(input: $input) {
      __typename
      ... on CancelAccessRequestSuccess {
        data {
          ${REQUEST_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const KIND_LABEL: Record<Kind, string> = { ACCESS: "Access", TEST_USER: "Test user" };
const STATUS: Record<RequestStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending", tone: "warning" },
  ACCEPTED: { label: "Accepted", tone: "success" },
  DECLINED: { label: "Declined", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/** Who logged in through the client, and the access / test-user requests it sent. */
export function UsersPage() {
  const { clientId = "" } = useParams();
  return (
    <div className="stack">
      <title>Users · Gatehouse</title>
      <UsersList clientId={clientId} />
      <RequestsSection clientId={clientId} />
    </div>
  );
}

function UsersList({ clientId }: { clientId: string }) {
  // Cursors of the pages before the current one, for "Previous".
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.length > 0 ? (cursors[cursors.length - 1] ?? null) : null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UsersPageUsers,
    variables: { id: clientId, first: PAGE_SIZE, after },
    requestPolicy: "cache-and-network",
  });
  const client = data?.client;
  const users = client?.users;
  const noRead = lacking(client, "USERS_READ");
  const page = cursors.length;

  return (
    <Card aria-labelledby="users-title">
      <SectionHead id="users-title" title="Users">
        People who signed in to your app through Gatehouse, most recent first.
      </SectionHead>
      {error && !data ? (
        <LoadFailed
          title="We couldn't load the users"
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : fetching && !data ? (
        <StatusBlock label="Loading users…" />
      ) : !client ? (
        <Alert tone="error" title="Client not found">
          This client does not exist or you are no longer a member of it.
        </Alert>
      ) : noRead || !users ? (
        <Alert tone="info" title="You cannot see this client's users">
          {noRead ?? "You need the users:read permission."}
        </Alert>
      ) : users.edges.length === 0 ? (
        <EmptyState title="Nobody has signed in yet">
          When people log in to your app with Gatehouse they appear here with their login stats.
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            {users.totalCount} {users.totalCount === 1 ? "person" : "people"} in total.
          </p>
          <Table caption="Users of the client">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Sub</th>
                <th scope="col">First login</th>
                <th scope="col">Last login</th>
                <th scope="col">Logins</th>
              </tr>
            </thead>
            <tbody>
              {users.edges.map(({ node: user }) => (
                <tr key={user.id}>
                  <td data-label="Name">
                    <span className="team-cell">
                      <span className="team-cell-main">{user.name}</span>{" "}
                      {user.isTestUser ? <Badge tone="info">Test user</Badge> : null}
                      <span className="team-cell-sub">{user.email}</span>
                    </span>
                  </td>
                  <td data-label="Sub">
                    <code className="team-code">{user.sub}</code>
                  </td>
                  <td data-label="First login">{formatDateTime(user.firstLoginAt)}</td>
                  <td data-label="Last login">{formatDateTime(user.lastLoginAt)}</td>
                  <td data-label="Logins">{user.loginCount}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {page > 0 || users.pageInfo.hasNextPage ? (
            <nav className="team-toolbar" aria-label="Users pages">
              <Button
                variant="secondary"
                disabled={page === 0 || fetching}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                Previous
              </Button>
              <span className="muted">Page {page + 1}</span>
              <Button
                variant="secondary"
                disabled={!users.pageInfo.hasNextPage || fetching}
                onClick={() => setCursors((c) => [...c, users.pageInfo.endCursor])}
              >
                Next
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </Card>
  );
}

function RequestsSection({ clientId }: { clientId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UsersPageRequests,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });
  const [cancelling, setCancelling] = useState<SentRequest | null>(null);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelState, cancel] = useMutation(UsersPageCancel);
  const client = data?.client;
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const noSend = lacking(client, "REQUESTS_SEND");
  const requests = client?.accessRequests;

  async function confirmCancel() {
    if (!cancelling) return;
    setCancelError(null);
    const result = await cancel({ input: { accessRequestId: cancelling.id } });
    const payload = result.data?.cancelAccessRequest;
    if (!payload) return setCancelError(result.error ? describeError(result.error) : "We couldn't cancel the request.");
    if (payload.__typename !== "CancelAccessRequestSuccess") return setCancelError(payload.message);
    setNotice(`The request to ${cancelling.user.email} was cancelled.`);
    setCancelling(null);
    refresh();
  }

  return (
    <>
      {client ? (
        <SendRequestForm
          client={client}
          enabledScopes={client.scopes.filter((s) => s.enabled).map((s) => s.scope)}
          onSent={(request) => {
            setNotice(`Request sent to ${request.user.email}.`);
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
          <LoadFailed title="We couldn't load the requests" error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label="Loading requests…" />
        ) : !client ? null : !requests ? (
          <Alert tone="info">You need the requests:send or users:read permission to see the requests.</Alert>
        ) : requests.length === 0 ? (
          <EmptyState title="No requests sent yet">Requests you send appear here with their status.</EmptyState>
        ) : (
          <Table caption="Access and test-user requests sent by the client">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Kind</th>
                <th scope="col">Scopes</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <td data-label="To">
                    <span className="team-cell">
                      <span className="team-cell-main">{request.user.name}</span>
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
                      <Button
                        variant="secondary"
                        className="btn-sm"
                        disabled={!!noSend}
                        title={noSend ?? undefined}
                        aria-label={`Cancel the request to ${request.user.email}`}
                        onClick={() => setCancelling(request)}
                      >
                        Cancel
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <ConfirmDialog
        open={!!cancelling}
        title="Cancel this request?"
        confirmLabel="Cancel request"
        cancelLabel="Keep it"
        loading={cancelState.fetching}
        error={cancelError}
        onConfirm={confirmCancel}
        onCancel={() => {
          setCancelError(null);
          setCancelling(null);
        }}
      >
        <p>{cancelling ? `${cancelling.user.email} will no longer see it.` : null}</p>
      </ConfirmDialog>
    </>
  );
}

function SendRequestForm({
  client,
  enabledScopes,
  onSent,
}: {
  client: ClientAccess;
  enabledScopes: { key: string; description: string; tier: "BASIC" | "VERIFIED" }[];
  onSent: (request: SentRequest) => void;
}) {
  const noSend = lacking(client, "REQUESTS_SEND");
  const [email, setEmail] = useState("");
  const [kind, setKind] = useState<Kind>("ACCESS");
  const [scopeKeys, setScopeKeys] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, send] = useMutation(UsersPageSend);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!looksLikeEmail(email.trim())) found.email = "Enter the e-mail address of their Gatehouse account.";
    if (kind === "ACCESS" && scopeKeys.length === 0) found.scopeKeys = "Choose at least one scope to ask for.";
    if (message.length > 1000) found.message = "Use at most 1000 characters.";
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
    const result = await send({
      input: { clientId: client.id, email: email.trim(), kind, scopeKeys, message: message.trim() || null },
    });
    const payload = result.data?.sendAccessRequest;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't send the request.");
    if (payload.__typename !== "SendAccessRequestSuccess") {
      if (payload.__typename === "NotFoundError" || payload.__typename === "ConflictError")
        setErrors({ email: payload.message });
      else {
        const split = splitMutationError(payload);
        setErrors(split.fields);
        setFormError(split.form);
      }
      return focusFirstInvalid(formRef.current);
    }
    setEmail("");
    setMessage("");
    setScopeKeys([]);
    onSent(payload.data);
  }

  return (
    <Card aria-labelledby="send-title">
      <SectionHead id="send-title" title="Send a request">
        Ask a person for more of their details, or invite them to test your app before it goes live.
      </SectionHead>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={!!noSend || fetching}>
          <div className="team-form">
            <Field
              label="E-mail address"
              name="email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={errors.email}
            />
            <SelectField
              label="Kind"
              name="kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as Kind)}
              error={errors.kind}
            >
              <option value="ACCESS">Access request (more scopes)</option>
              <option value="TEST_USER">Test-user invitation</option>
            </SelectField>
            <div className="team-wide">
              <CheckGroup
                legend="Scopes"
                error={errors.scopeKeys}
                hint={
                  enabledScopes.length === 0
                    ? "This client has no enabled scopes yet; enable them under Client Scopes."
                    : undefined
                }
              >
                {enabledScopes.map((scope) => (
                  <Check
                    key={scope.key}
                    name="scopeKeys"
                    value={scope.key}
                    label={scope.description}
                    hint={
                      <>
                        <code>{scope.key}</code>
                        {scope.tier === "VERIFIED" ? " · verified" : ""}
                      </>
                    }
                    checked={scopeKeys.includes(scope.key)}
                    onChange={(event) =>
                      setScopeKeys((current) =>
                        event.target.checked ? [...current, scope.key] : current.filter((k) => k !== scope.key),
                      )
                    }
                  />
                ))}
              </CheckGroup>
            </div>
            <TextAreaField
              label="Message (optional)"
              name="message"
              rows={3}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              error={errors.message}
              className="team-wide"
            />
          </div>
        </fieldset>
        <FormError>{formError}</FormError>
        <div className="team-form-actions">
          <Button type="submit" loading={fetching} disabled={!!noSend}>
            Send request
          </Button>
          {noSend ? <Reason>{noSend}</Reason> : null}
        </div>
      </form>
    </Card>
  );
}
