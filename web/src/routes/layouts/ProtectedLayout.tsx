import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { ThemeSelect } from "../../components/layout/ThemeSelect";
import { Alert } from "../../components/ui/Alert";
import { Brand } from "../../components/ui/Brand";
import { Button } from "../../components/ui/Button";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { PageLoading } from "../../components/ui/Spinner";
import { describeError } from "../../lib/errors";
import { graphql } from "../../lib/graphql";

const ProtectedLayout_Viewer = graphql(`
  query ProtectedLayout_Viewer {
    viewer {
      id
      email
      name
      platformRole
      staffNeedsSecondFactor
      theme
    }
  }
`);

const ProtectedLayout_SignOut = graphql(`
  mutation ProtectedLayout_SignOut {
    signOut
  }
`);

/** Everything under it needs a signed-in person; others are sent to /signin. */
export function ProtectedLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProtectedLayout_Viewer,
    requestPolicy: "network-only",
  });
  const [signOutState, signOut] = useMutation(ProtectedLayout_SignOut);

  if (!data) {
    if (fetching) return <PageLoading />;
    if (error) {
      return (
        <main className="app-main">
          <LoadFailed
            className="stack"
            retryVariant="primary"
            title="We couldn't load your account"
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        </main>
      );
    }
  }

  const viewer = data?.viewer;
  if (!viewer) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  // Staff without a second factor (the demo admin's first sign-in) land on enrolment, not the profile.
  if (viewer.staffNeedsSecondFactor && location.pathname === "/account") {
    return <Navigate to="/account/two-factor" replace />;
  }

  async function handleSignOut() {
    const result = await signOut({});
    if (!result.error) navigate("/signin", { replace: true });
  }

  return (
    <>
      <header className="app-header">
        <div className="app-header-inner">
          <Brand to="/account" />
          <nav className="app-nav" aria-label="Main">
            <NavLink to="/clients">My clients</NavLink>
            <NavLink to="/account">Account</NavLink>
            {viewer.platformRole === "STAFF" || viewer.platformRole === "ADMIN" ? (
              <NavLink to="/staff">Staff</NavLink>
            ) : null}
          </nav>
          <div className="app-user">
            <span className="app-user-email">{viewer.email}</span>
            <ThemeSelect theme={viewer.theme} />
            <Button variant="secondary" onClick={handleSignOut} loading={signOutState.fetching}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main className="app-main">
        {signOutState.error ? (
          <div style={{ marginBottom: "1rem" }}>
            <Alert tone="error">We couldn't sign you out. {describeError(signOutState.error)}</Alert>
          </div>
        ) : null}
        <Outlet />
      </main>
    </>
  );
}
