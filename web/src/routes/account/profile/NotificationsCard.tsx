import { useState } from "react";
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

const KINDS: Record<Kind, { label: string; hint: string }> = {
  ACCESS_REQUEST: {
    label: "Access and test-user requests",
    hint: "An app asks for more of your data, or invites you to test it.",
  },
  VERIFICATION: {
    label: "Verification requests and decisions",
    hint: "For clients you own: requested, approved, rejected, revoked.",
  },
  INVITATION: { label: "Invitation answers", hint: "For clients you own: someone accepted or declined an invitation." },
  SECRET_EXPIRING: {
    label: "Secrets expiring soon",
    hint: "For clients you own: a client secret stops working within 14 days.",
  },
  SIGN_IN: { label: "New sign-ins", hint: "Your account was signed in to from a new device and network." },
};

/** One switch per kind of mail; the mails that protect the account are always sent, and the card says so. */
export function NotificationsCard() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: NotificationsCard_Preferences });
  const update = useMutationAction(
    NotificationsCard_Set,
    (result) => result.setNotificationPreference,
    "We couldn't save that change.",
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
      <h2 id="notifications-title">Notifications</h2>
      <p className="muted">
        Choose which mails Gatehouse sends you. Mails that protect your account are always sent: confirming or changing
        your e-mail address, resetting your password, sign-in codes and account deletion.
      </p>
      {update.error ? <Alert tone="error">{update.error}</Alert> : null}
      {error && !data ? (
        <LoadFailed
          className="stack"
          title="We couldn't load your notification settings"
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : fetching && !data ? (
        <StatusBlock label="Loading notification settings…" />
      ) : (
        <div className="toggle-grid" aria-busy={update.fetching || undefined}>
          {preferences.map((preference) => {
            const kind = preference.kind as Kind;
            return (
              <Toggle
                key={kind}
                name={`notify-${kind}`}
                label={pending === kind ? `${KINDS[kind].label} (saving…)` : KINDS[kind].label}
                hint={KINDS[kind].hint}
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
