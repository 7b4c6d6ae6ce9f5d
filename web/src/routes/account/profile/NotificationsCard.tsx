import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Card } from "../../../components/ui/Card";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Toggle } from "../../../components/ui/Toggle";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";

const NotificationsCard_Preferences = graphql(`
  query NotificationsCard_Preferences {
    viewer {
      id
      notificationPreferences {
        kind
        enabled
      }
    }
  }
`);

const NotificationsCard_Set = graphql(
  `
    mutation NotificationsCard_Set($input: SetNotificationPreferenceInput!) {
      setNotificationPreference(input: $input) {
        __typename
        ... on SetNotificationPreferenceSuccess {
          data {
            id
            notificationPreferences {
              kind
              enabled
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Kind = "ACCESS_REQUEST" | "VERIFICATION" | "INVITATION" | "SECRET_EXPIRING" | "SIGN_IN";

const KINDS = {
  ACCESS_REQUEST: {
    label: "notifications.kinds.ACCESS_REQUEST.label",
    hint: "notifications.kinds.ACCESS_REQUEST.hint",
  },
  VERIFICATION: {
    label: "notifications.kinds.VERIFICATION.label",
    hint: "notifications.kinds.VERIFICATION.hint",
  },
  INVITATION: { label: "notifications.kinds.INVITATION.label", hint: "notifications.kinds.INVITATION.hint" },
  SECRET_EXPIRING: {
    label: "notifications.kinds.SECRET_EXPIRING.label",
    hint: "notifications.kinds.SECRET_EXPIRING.hint",
  },
  SIGN_IN: { label: "notifications.kinds.SIGN_IN.label", hint: "notifications.kinds.SIGN_IN.hint" },
} as const satisfies Record<Kind, { label: string; hint: string }>;

/** One switch per kind of mail; the mails that protect the account are always sent, and the card says so. */
export function NotificationsCard() {
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({ query: NotificationsCard_Preferences });
  const update = useMutationAction(
    NotificationsCard_Set,
    (result) => result.setNotificationPreference,
    t("notifications.saveFailed"),
  );
  const [pending, setPending] = useState<Kind | null>(null);
  const preferences = data?.viewer?.notificationPreferences ?? [];

  async function toggle(kind: Kind, enabled: boolean) {
    setPending(kind);
    await update.run({ input: { kind, enabled } });
    setPending(null);
  }

  return (
    <Card aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t("notifications.title")}</h2>
      <p className="muted">{t("notifications.description")}</p>
      {update.error ? <Alert tone="error">{update.error}</Alert> : null}
      {error && !data ? (
        <LoadFailed
          className="stack"
          title={t("notifications.loadFailed")}
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : fetching && !data ? (
        <StatusBlock label={t("notifications.loading")} />
      ) : (
        <div className="toggle-grid" aria-busy={update.fetching || undefined}>
          {preferences.map((preference) => {
            const kind = preference.kind as Kind;
            return (
              <Toggle
                key={kind}
                name={`notify-${kind}`}
                label={
                  pending === kind ? t("notifications.saving", { label: t(KINDS[kind].label) }) : t(KINDS[kind].label)
                }
                hint={t(KINDS[kind].hint)}
                checked={preference.enabled}
                disabled={update.fetching}
                onChange={(event) => toggle(kind, event.target.checked)}
              />
            );
          })}
        </div>
      )}
    </Card>
  );
}
