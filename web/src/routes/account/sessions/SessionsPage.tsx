import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { i18n } from "../../../i18n/i18n";
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
  if (!userAgent) return i18n.t("account:sessions.unknownDevice");
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : i18n.t("account:sessions.aBrowser");
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
            : i18n.t("account:sessions.unknownSystem");
  return i18n.t("account:sessions.device", { browser, system });
}

/** Where the person is signed in, with a way to sign any other device out. */
export function SessionsPage() {
  const { t } = useTranslation(["account", "common"]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SessionsPage_Sessions,
    requestPolicy: "network-only",
  });
  const [target, setTarget] = useState<Session | "others" | null>(null);
  const sessions = data?.viewer?.sessions ?? [];
  const others = sessions.filter((session) => !session.current);

  const done = () => reexecute({ requestPolicy: "network-only" });
  const fallback = t("sessions.revokeFailed");

  return (
    <div className="stack">
      <title>{t("sessions.tabTitle")}</title>
      <SectionCard
        id="sessions-title"
        title={t("sessions.title")}
        description={t("sessions.description")}
        action={
          <Button variant="secondary" disabled={others.length === 0} onClick={() => setTarget("others")}>
            {t("sessions.signOutOthers")}
          </Button>
        }
      >
        {error && !data ? (
          <Alert tone="error" title={t("sessions.loadFailed")}>
            {describeError(error)}
          </Alert>
        ) : fetching && !data ? (
          <StatusBlock label={t("sessions.loading")} />
        ) : (
          <Table
            caption={t("sessions.caption")}
            columns={[
              t("sessions.columns.device"),
              t("sessions.columns.ip"),
              t("sessions.columns.kept"),
              t("sessions.columns.signedIn"),
              t("sessions.columns.lastUsed"),
            ]}
            actions
          >
            {sessions.map((session) => (
              <tr key={session.id}>
                <td data-label={t("sessions.columns.device")}>
                  {deviceName(session.userAgent)}{" "}
                  {session.current ? <Badge tone="success">{t("sessions.thisDevice")}</Badge> : null}
                </td>
                <td data-label={t("sessions.columns.ip")}>{session.ip ?? t("sessions.unknown")}</td>
                <td data-label={t("sessions.columns.kept")}>
                  {session.persistent ? t("sessions.persistent") : t("sessions.untilClose")}
                </td>
                <td data-label={t("sessions.columns.signedIn")}>{formatDateTime(session.createdAt)}</td>
                <td data-label={t("sessions.columns.lastUsed")}>{formatDateTime(session.lastSeenAt)}</td>
                <td data-label={t("common:table.actions")}>
                  <Button variant="secondary" className="btn-sm" onClick={() => setTarget(session)}>
                    {t("sessions.signOut")}
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </SectionCard>
      <ConfirmMutationDialog
        open={target === "others"}
        title={t("sessions.othersTitle")}
        confirmLabel={t("sessions.signOut")}
        document={SessionsPage_RevokeOthers}
        variables={() => ({})}
        pick={(result) => result.revokeOtherSessions}
        fallback={fallback}
        onDone={done}
        onClose={() => setTarget(null)}
      >
        {t("sessions.othersBody", { count: others.length })}
      </ConfirmMutationDialog>
      <ConfirmMutationDialog
        open={target !== null && target !== "others"}
        title={t("sessions.oneTitle")}
        confirmLabel={t("sessions.signOut")}
        document={SessionsPage_Revoke}
        variables={() => ({ input: { sessionId: target && target !== "others" ? target.id : "" } })}
        pick={(result) => result.revokeSession}
        fallback={fallback}
        onDone={done}
        onClose={() => setTarget(null)}
      >
        {target !== "others" && target?.current ? t("sessions.current") : t("sessions.other")}
      </ConfirmMutationDialog>
    </div>
  );
}
