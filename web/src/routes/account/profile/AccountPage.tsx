import { gql, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Card } from "../../../components/ui/Card";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError } from "../../../lib/errors";

type Profile = {
  id: string;
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  picture: string | null;
};

const AccountPageProfile = gql<{ viewer: Profile | null }, Record<string, never>>`
  query AccountPage_Profile {
    viewer {
      id
      sub
      email
      emailVerified
      name
      picture
    }
  }
`;

export function AccountPage() {
  const [{ data, fetching, error }] = useQuery({ query: AccountPageProfile, requestPolicy: "network-only" });
  const viewer = data?.viewer;

  return (
    <div>
      <title>Your account · Gatehouse</title>
      <header className="page-header">
        <h1>Your account</h1>
        <p className="muted">The profile apps see when you sign in with Gatehouse.</p>
      </header>
      <Card aria-labelledby="profile-title">
        {error && !data ? (
          <Alert tone="error" title="We couldn't load your profile">
            {describeError(error)}
          </Alert>
        ) : fetching && !data ? (
          <StatusBlock label="Loading your profile…" />
        ) : viewer ? (
          <>
            <div className="profile-head">
              {viewer.picture ? (
                <img className="profile-avatar" src={viewer.picture} alt="" />
              ) : (
                <span className="profile-avatar" aria-hidden="true">
                  {initials(viewer.name)}
                </span>
              )}
              <div>
                <h2 id="profile-title">{viewer.name}</h2>
                <p className="muted">{viewer.email}</p>
              </div>
            </div>
            <dl className="details">
              <dt>Name</dt>
              <dd>{viewer.name}</dd>
              <dt>Email</dt>
              <dd>
                {viewer.email}
                {viewer.emailVerified ? (
                  <span className="pill pill-success">Verified</span>
                ) : (
                  <span className="pill pill-muted">Not verified</span>
                )}
              </dd>
              <dt>Account ID (sub)</dt>
              <dd>
                <code data-testid="viewer-sub">{viewer.sub}</code>
              </dd>
            </dl>
          </>
        ) : null}
      </Card>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.charAt(0).toUpperCase()).join("") || "?";
}
