import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useQuery } from "urql";
import { SignInForm } from "../../components/auth/SignInForm";
import { AuthCard } from "../../components/layout/AuthCard";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { StatusBlock } from "../../components/ui/Spinner";
import { formatDate } from "../../lib/format";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationAction } from "../../lib/use-mutation-action";

const InvitationPage_View = graphql(`
  query InvitationPage_View($token: String!) {
    viewer {
      id
      email
    }
    invitation(token: $token) {
      __typename
      ... on InvitationSuccess {
        data {
          clientName
          roleName
          roleDescription
          email
          expiresAt
          state
          forViewer
          viewerVerified
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const InvitationPage_Accept = graphql(
  `
    mutation InvitationPage_Accept($input: InvitationTokenInput!) {
      acceptInvitation(input: $input) {
        __typename
        ... on AcceptInvitationSuccess {
          data {
            clientId
            clientName
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const InvitationPage_Decline = graphql(
  `
    mutation InvitationPage_Decline($input: InvitationTokenInput!) {
      declineInvitation(input: $input) {
        __typename
        ... on DeclineInvitationSuccess {
          data {
            clientName
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const STATE_TEXT = {
  ACCEPTED: "state.ACCEPTED",
  DECLINED: "state.DECLINED",
  REVOKED: "state.REVOKED",
  EXPIRED: "state.EXPIRED",
} as const;

/** A card that only says what happened, with a way on. */
function Notice({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation("invitation");
  return (
    <AuthCard title={title} description={text}>
      <p>
        <Link to="/account">{t("toAccount")}</Link>
      </p>
    </AuthCard>
  );
}

/** The token sits in the link's fragment, so it never reaches a server log. */
function tokenFromLink(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}

/** `/invitation#token=…`: the invitee sees the client and the role, signs in if needed, and accepts or declines. */
export function InvitationPage() {
  const { t } = useTranslation(["invitation", "common"]);
  const [token] = useState(tokenFromLink);
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: InvitationPage_View,
    variables: { token },
    pause: !token,
    requestPolicy: "network-only",
  });
  const [declined, setDeclined] = useState(false);
  const accept = useMutationAction(InvitationPage_Accept, (d) => d.acceptInvitation, t("acceptFailed"));
  const decline = useMutationAction(InvitationPage_Decline, (d) => d.declineInvitation, t("declineFailed"));
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  if (!token) {
    return <Notice title={t("incompleteTitle")} text={t("incompleteText")} />;
  }
  if (error && !data)
    return (
      <AuthCard title={t("title")}>
        <LoadFailed title={t("loadFailed")} error={error} onRetry={refresh} />
      </AuthCard>
    );
  if (!data || fetching)
    return (
      <AuthCard title={t("title")}>
        <StatusBlock label={t("common:status.loading")} />
      </AuthCard>
    );
  const answer = data.invitation;
  if (answer.__typename !== "InvitationSuccess") {
    return <Notice title={t("notFoundTitle")} text={answer.message ?? t("notFoundText")} />;
  }
  const invitation = answer.data;
  const title = t("join", { client: invitation.clientName });
  const description = t("description", { role: invitation.roleName, client: invitation.clientName });

  if (declined)
    return <Notice title={t("declinedTitle")} text={t("declinedText", { client: invitation.clientName })} />;
  if (invitation.state !== "PENDING") return <Notice title={title} text={t(STATE_TEXT[invitation.state])} />;

  return (
    <AuthCard title={title} description={description}>
      <div className="stack">
        {invitation.roleDescription ? <p className="muted">{invitation.roleDescription}</p> : null}
        <p className="fine-print">
          {t("forUntil", { email: invitation.email, date: formatDate(invitation.expiresAt) })}
        </p>
        {!data.viewer ? (
          <>
            <p>{t("signInToAnswer", { email: invitation.email })}</p>
            <SignInForm defaultEmail={invitation.email} onSignedIn={refresh} />
            <p className="fine-print">
              <Trans t={t} i18nKey="registerFirst" components={{ register: <Link to="/register" /> }} />
            </p>
          </>
        ) : !invitation.forViewer ? (
          <Alert tone="warning" title={t("otherAddressTitle")}>
            {t("otherAddress", { current: data.viewer.email, email: invitation.email })}
          </Alert>
        ) : !invitation.viewerVerified ? (
          <Alert tone="warning" title={t("confirmFirstTitle")}>
            {t("confirmFirst", { email: invitation.email })}
          </Alert>
        ) : (
          <>
            {accept.error || decline.error ? <Alert tone="error">{accept.error ?? decline.error}</Alert> : null}
            <div className="form-actions">
              <Button
                loading={accept.fetching}
                disabled={decline.fetching}
                onClick={async () => {
                  const done = await accept.run({ input: { token } });
                  if (done) navigate(`/clients/${done.data.clientId}`, { replace: true });
                }}
              >
                {t("accept")}
              </Button>
              <Button
                variant="secondary"
                loading={decline.fetching}
                disabled={accept.fetching}
                onClick={async () => {
                  if (await decline.run({ input: { token } })) setDeclined(true);
                }}
              >
                {t("decline")}
              </Button>
            </div>
          </>
        )}
      </div>
    </AuthCard>
  );
}
