import { useState } from "react";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { describeError } from "../../../lib/errors";
import { formatDateTime } from "../account-shared";

type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

const SessionsPageSessions = gql<{ viewer: { id: string; sessions: Session[] } | null }, Record<string, never>>`
  query SessionsPage_Sessions {
    viewer {
      id
      sessions {
        id
        createdAt
        lastSeenAt
        ip
        userAgent
        current
      }
    }
  }
`;

type RevokeAnswer = { __typename: string; message?: string };

const SessionsPageRevoke = gql<{ revokeSession: RevokeAnswer }, { input: { sessionId: string } }>`
  mutation SessionsPage_Revoke($input: RevokeSessionInput!) {
    revokeSession(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`;

const SessionsPageRevokeOthers = gql<{ revokeOtherSessions: RevokeAnswer }, Record<string, never>>`
  mutation SessionsPage_RevokeOthers {
    revokeOtherSessions {
      __typename
      ... on Error {
        message
      }
    }
  }
`;

/** A readable device name from a user agent, e.g. "Chrome on Linux". */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "an unknown system";
  return `${browser} on ${system}`;
}

/** Where the person is signed in, with a way to sign any other device out. */
export function SessionsPage() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SessionsPageSessions,
    requestPolicy: "network-only",
  });
  const [revokeState, revoke] = useMutation(SessionsPageRevoke);
  const [othersState, revokeOthers] = useMutation(SessionsPageRevokeOthers);
  const [target, setTarget] = useState<Session | "others" | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const sessions = data?.viewer?.sessions ?? [];
  const others = sessions.filter((session) => !session.current);

  async function confirm() {
    if (!target) return;
    setActionError(null);
    const result =
      target === "others"
        ? (await revokeOthers({})).data?.revokeOtherSessions
        : (await revoke({ input: { sessionId: target.id } })).data?.revokeSession;
    if (!result) return setActionError("We couldn't sign that session out. Try again.");
    if (result.message) return setActionError(result.message);
    setTarget(null);
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <div className="stack">
      <title>Sessions · Gatehouse</title>
      <Card aria-labelledby="sessions-title">
        <header className="section-head">
          <div>
            <h2 id="sessions-title">Where you are signed in</h2>
            <p className="muted">Sign out any device you do not recognise, then change your password.</p>
          </div>
          <Button variant="secondary" disabled={others.length === 0} onClick={() => setTarget("others")}>
            Sign out all other sessions
          </Button>
        </header>
        {error && !data ? (
          <Alert tone="error" title="We couldn't load your sessions">
            {describeError(error)}
          </Alert>
        ) : fetching && !data ? (
          <StatusBlock label="Loading sessions…" />
        ) : (
          <Table caption="Your sessions">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">IP address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td data-label="Device">
                    {deviceName(session.userAgent)} {session.current ? <Badge tone="success">This device</Badge> : null}
                  </td>
                  <td data-label="IP address">{session.ip ?? "Unknown"}</td>
                  <td data-label="Signed in">{formatDateTime(session.createdAt)}</td>
                  <td data-label="Last seen">{formatDateTime(session.lastSeenAt)}</td>
                  <td data-label="Actions">
                    <Button variant="secondary" className="btn-sm" onClick={() => setTarget(session)}>
                      Sign out
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <ConfirmDialog
        open={target !== null}
        title={target === "others" ? "Sign out all other sessions?" : "Sign this session out?"}
        confirmLabel="Sign out"
        tone="danger"
        loading={revokeState.fetching || othersState.fetching}
        error={actionError}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setTarget(null);
          setActionError(null);
        }}
      >
        {target === "others"
          ? `${others.length} other session${others.length === 1 ? "" : "s"} will have to sign in again.`
          : target?.current
            ? "This is the device you are using: you will be signed out here."
            : "That device will have to sign in again."}
      </ConfirmDialog>
    </div>
  );
}
