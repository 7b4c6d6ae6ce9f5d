import { useState } from "react";
import { useQuery } from "urql";
import { Pager } from "../../../components/team/Pager";
import { ClientNotFound, lacking, SectionHead } from "../../../components/team/team-kit";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { formatDateTime } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { useClientDashboard } from "../shared";

const PAGE_SIZE = 20;

const UsersList_Users = graphql(`
  query UsersList_Users($id: ID!, $first: Int, $after: String) {
    client(id: $id) {
      id
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
`);

export function UsersList({ clientId }: { clientId: string }) {
  // Cursors of the pages before the current one, for "Previous".
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.length > 0 ? (cursors[cursors.length - 1] ?? null) : null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UsersList_Users,
    variables: { id: clientId, first: PAGE_SIZE, after },
    requestPolicy: "cache-and-network",
  });
  const { client: viewer } = useClientDashboard();
  const client = data?.client;
  const users = client?.users;
  const noRead = lacking(viewer, "USERS_READ");
  const page = cursors.length;

  return (
    <Card aria-labelledby="users-title">
      <SectionHead id="users-title" title="Users">
        People who signed in to your app through Gatehouse, most recent first.
      </SectionHead>
      {error && !data ? (
        <LoadFailed
          className="stack"
          title="We couldn't load the users"
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : fetching && !data ? (
        <StatusBlock label="Loading users…" />
      ) : !client ? (
        <ClientNotFound />
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
          <Table caption="Users of the client" columns={["Name", "Sub", "First login", "Last login", "Logins"]}>
            {users.edges.map(({ node: user }) => (
              <tr key={user.id}>
                <td data-label="Name">
                  <span className="team-cell">
                    <span className="team-cell-main">{user.name ?? "Name not shared"}</span>{" "}
                    {user.isTestUser ? <Badge tone="info">Test user</Badge> : null}
                    <span className="team-cell-sub">{user.email ?? "E-mail not shared"}</span>
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
          </Table>
          <Pager
            label="Users pages"
            page={page}
            hasNextPage={users.pageInfo.hasNextPage}
            busy={fetching}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
            onNext={() => setCursors((c) => [...c, users.pageInfo.endCursor])}
          />
        </>
      )}
    </Card>
  );
}
