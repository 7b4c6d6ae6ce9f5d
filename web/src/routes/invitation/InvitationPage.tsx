import { useState } from "react";
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
  ACCEPTED: "This invitation has already been accepted.",
  DECLINED: "This invitation was declined.",
  REVOKED: "The team withdrew this invitation.",
  EXPIRED: "This invitation has expired. Ask the team for a new one.",
} as const;

/** A card that only says what happened, with a way on. */
function Notice({ title, text }: { title: string; text: string }) {
  return (
    <AuthCard title={title} description={text}>
      <p>
        <Link to="/account">Go to your account</Link>
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
  const [token] = useState(tokenFromLink);
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: InvitationPage_View,
    variables: { token },
    pause: !token,
    requestPolicy: "network-only",
  });
  const [declined, setDeclined] = useState(false);
  const accept = useMutationAction(InvitationPage_Accept, (d) => d.acceptInvitation, "We couldn't accept it.");
  const decline = useMutationAction(InvitationPage_Decline, (d) => d.declineInvitation, "We couldn't decline it.");
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  if (!token) {
    return <Notice title="Invitation link incomplete" text="Open the link from the invitation mail again." />;
  }
  if (error && !data)
    return (
      <AuthCard title="Invitation">
        <LoadFailed title="We couldn't load the invitation" error={error} onRetry={refresh} />
      </AuthCard>
    );
  if (!data || fetching)
    return (
      <AuthCard title="Invitation">
        <StatusBlock label="Loading…" />
      </AuthCard>
    );
  const answer = data.invitation;
  if (answer.__typename !== "InvitationSuccess") {
    return <Notice title="Invitation not found" text={answer.message ?? "This link is not valid."} />;
  }
  const invitation = answer.data;
  const title = `Join ${invitation.clientName}`;
  const description = `You are invited as ${invitation.roleName} to help manage ${invitation.clientName} on Gatehouse.`;

  if (declined) return <Notice title="Invitation declined" text={`You did not join ${invitation.clientName}.`} />;
  if (invitation.state !== "PENDING") return <Notice title={title} text={STATE_TEXT[invitation.state]} />;

  return (
    <AuthCard title={title} description={description}>
      <div className="stack">
        {invitation.roleDescription ? <p className="muted">{invitation.roleDescription}</p> : null}
        <p className="fine-print">
          For {invitation.email} · valid until {formatDate(invitation.expiresAt)}
        </p>
        {!data.viewer ? (
          <>
            <p>Sign in with {invitation.email} to answer. No account yet? Register with that address first.</p>
            <SignInForm defaultEmail={invitation.email} onSignedIn={refresh} />
            <p className="fine-print">
              <Link to="/register">Create an account</Link>, confirm your address, then open this link again.
            </p>
          </>
        ) : !invitation.forViewer ? (
          <Alert tone="warning" title="This invitation is for another address">
            You are signed in as {data.viewer.email}. Sign out and sign in with {invitation.email}.
          </Alert>
        ) : !invitation.viewerVerified ? (
          <Alert tone="warning" title="Confirm your e-mail address first">
            Open the confirmation link we mailed to {invitation.email}, then this link again. The invitation waits.
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
                Accept and join
              </Button>
              <Button
                variant="secondary"
                loading={decline.fetching}
                disabled={accept.fetching}
                onClick={async () => {
                  if (await decline.run({ input: { token } })) setDeclined(true);
                }}
              >
                Decline
              </Button>
            </div>
          </>
        )}
      </div>
    </AuthCard>
  );
}
