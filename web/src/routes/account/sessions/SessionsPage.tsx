import { useState } from "react";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { describeError } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { ErrorFields, graphql, type ResultOf } from "../../../lib/graphql";

const SessionsPage_Sessions = graphql(`
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
        persistent
      }
    }
  }
`);

type Session = NonNullable<ResultOf<typeof SessionsPage_Sessions>["viewer"]>["sessions"][number];

const SessionsPage_Revoke = graphql(
  `
    mutation SessionsPage_Revoke($input: RevokeSessionInput!) {
      revokeSession(input: $input) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const SessionsPage_RevokeOthers = graphql(
  `
    mutation SessionsPage_RevokeOthers {
      revokeOtherSessions {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

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
    query: SessionsPage_Sessions,
    requestPolicy: "network-only",
  });
  const [target, setTarget] = useState<Session | "others" | null>(null);
  const sessions = data?.viewer?.sessions ?? [];
  const others = sessions.filter((session) => !session.current);

  const done = () => reexecute({ requestPolicy: "network-only" });
  const fallback = "We couldn't sign that session out. Try again.";

  return (
    <div className="stack">
      <title>Sessions · Gatehouse</title>
      <SectionCard
        id="sessions-title"
        title="Where you are signed in"
        description="Sign out any device you do not recognise, then change your password."
        action={
          <Button variant="secondary" disabled={others.length === 0} onClick={() => setTarget("others")}>
            Sign out all other sessions
          </Button>
        }
      >
        {error && !data ? (
          <Alert tone="error" title="We couldn't load your sessions">
            {describeError(error)}
          </Alert>
        ) : fetching && !data ? (
          <StatusBlock label="Loading sessions…" />
        ) : (
          <Table caption="Your sessions" columns={["Device", "IP address", "Kept", "Signed in", "Last used"]} actions>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td data-label="Device">
                  {deviceName(session.userAgent)} {session.current ? <Badge tone="success">This device</Badge> : null}
                </td>
                <td data-label="IP address">{session.ip ?? "Unknown"}</td>
                <td data-label="Kept">
                  {session.persistent ? "Remembered for 30 days after last use" : "Until the browser closes"}
                </td>
                <td data-label="Signed in">{formatDateTime(session.createdAt)}</td>
                <td data-label="Last used">{formatDateTime(session.lastSeenAt)}</td>
                <td data-label="Actions">
                  <Button variant="secondary" className="btn-sm" onClick={() => setTarget(session)}>
                    Sign out
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </SectionCard>
      <ConfirmMutationDialog
        open={target === "others"}
        title="Sign out all other sessions?"
        confirmLabel="Sign out"
        document={SessionsPage_RevokeOthers}
        variables={() => ({})}
        pick={(result) => result.revokeOtherSessions}
        fallback={fallback}
        onDone={done}
        onClose={() => setTarget(null)}
      >
        {`${others.length} other session${others.length === 1 ? "" : "s"} will have to sign in again.`}
      </ConfirmMutationDialog>
      <ConfirmMutationDialog
        open={target !== null && target !== "others"}
        title="Sign this session out?"
        confirmLabel="Sign out"
        document={SessionsPage_Revoke}
        variables={() => ({ input: { sessionId: target && target !== "others" ? target.id : "" } })}
        pick={(result) => result.revokeSession}
        fallback={fallback}
        onDone={done}
        onClose={() => setTarget(null)}
      >
        {target !== "others" && target?.current
          ? "This is the device you are using: you will be signed out here."
          : "That device will have to sign in again."}
      </ConfirmMutationDialog>
    </div>
  );
}
