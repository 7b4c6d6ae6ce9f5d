import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { LanguageSelect } from "../../components/layout/LanguageSelect";
import { ThemeSelect } from "../../components/layout/ThemeSelect";
import { Alert } from "../../components/ui/Alert";
import { Brand } from "../../components/ui/Brand";
import { Button } from "../../components/ui/Button";
import { LoadFailed } from "../../components/ui/LoadFailed";
import { PageLoading } from "../../components/ui/Spinner";
import { followAccountLanguage, fromAccountLanguage } from "../../i18n/i18n";
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
      language
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
  const { t } = useTranslation();
  const accountLanguage = data?.viewer?.language;
  useEffect(() => followAccountLanguage(fromAccountLanguage(accountLanguage)), [accountLanguage]);

  if (!data) {
    if (fetching) return <PageLoading />;
    if (error) {
      return (
        <main className="app-main">
          <LoadFailed
            className="stack"
            retryVariant="primary"
            title={t("header.accountLoadFailed")}
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
          <nav className="app-nav" aria-label={t("header.mainNav")}>
            <NavLink to="/clients">{t("header.myClients")}</NavLink>
            <NavLink to="/account">{t("header.account")}</NavLink>
            {viewer.platformRole === "STAFF" || viewer.platformRole === "ADMIN" ? (
              <NavLink to="/staff">{t("header.staff")}</NavLink>
            ) : null}
          </nav>
          <div className="app-user">
            <span className="app-user-email" title={viewer.email}>
              {viewer.email}
            </span>
            <LanguageSelect signedIn />
            <ThemeSelect theme={viewer.theme} />
            <Button variant="secondary" onClick={handleSignOut} loading={signOutState.fetching}>
              {t("header.signOut")}
            </Button>
          </div>
        </div>
      </header>
      <main className="app-main">
        {signOutState.error ? (
          <div style={{ marginBottom: "1rem" }}>
            <Alert tone="error">{t("header.signOutFailed", { reason: describeError(signOutState.error) })}</Alert>
          </div>
        ) : null}
        <Outlet />
      </main>
    </>
  );
}
