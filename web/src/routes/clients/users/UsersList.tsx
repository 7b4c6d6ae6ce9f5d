import { useState } from "react";
import { useTranslation } from "react-i18next";
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
import { formatDateTime, formatNumber } from "../../../lib/format";
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
  const { t } = useTranslation("clients");
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
      <SectionHead id="users-title" title={t("sections.users")}>
        {t("users.intro")}
      </SectionHead>
      {error && !data ? (
        <LoadFailed
          className="stack"
          title={t("users.loadFailed")}
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : fetching && !data ? (
        <StatusBlock label={t("users.loading")} />
      ) : !client ? (
        <ClientNotFound />
      ) : noRead || !users ? (
        <Alert tone="info" title={t("users.noReadTitle")}>
          {noRead ?? t("users.noRead")}
        </Alert>
      ) : users.edges.length === 0 ? (
        <EmptyState title={t("users.emptyTitle")}>{t("users.emptyBody")}</EmptyState>
      ) : (
        <>
          <p className="muted">
            {t("users.total", { count: users.totalCount, formatted: formatNumber(users.totalCount) })}
          </p>
          <Table
            caption={t("users.caption")}
            columns={[t("users.name"), "Sub", t("users.firstLogin"), t("users.lastLogin"), t("users.logins")]}
          >
            {users.edges.map(({ node: user }) => (
              <tr key={user.id}>
                <td data-label={t("users.name")}>
                  <span className="team-cell">
                    <span className="team-cell-main">{user.name ?? t("users.nameHidden")}</span>{" "}
                    {user.isTestUser ? <Badge tone="info">{t("users.testUser")}</Badge> : null}
                    <span className="team-cell-sub">{user.email ?? t("users.emailHidden")}</span>
                  </span>
                </td>
                <td data-label="Sub">
                  <code className="team-code">{user.sub}</code>
                </td>
                <td data-label={t("users.firstLogin")}>{formatDateTime(user.firstLoginAt)}</td>
                <td data-label={t("users.lastLogin")}>{formatDateTime(user.lastLoginAt)}</td>
                <td data-label={t("users.logins")}>{formatNumber(user.loginCount)}</td>
              </tr>
            ))}
          </Table>
          <Pager
            label={t("users.pages")}
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
