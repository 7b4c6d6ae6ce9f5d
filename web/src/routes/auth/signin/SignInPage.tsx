import { Link, Navigate, useNavigate } from "react-router";
import { useQuery } from "urql";
import { SignInForm } from "../../../components/auth/SignInForm";
import { AuthShell } from "../../../components/layout/AuthShell";
import { Card, CardFooter, CardHeader } from "../../../components/ui/Card";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";

const SignInPage_Viewer = graphql(`
  query SignInPage_Viewer {
    viewer {
      id
    }
  }
`);

export function SignInPage() {
  const navigate = useNavigate();
  const [{ data, fetching }] = useQuery({ query: SignInPage_Viewer, requestPolicy: "network-only" });

  if (data?.viewer) return <Navigate to="/account" replace />;

  return (
    <AuthShell>
      <title>Sign in · Gatehouse</title>
      <Card aria-labelledby="signin-title">
        <CardHeader id="signin-title" title="Sign in" description="Use your Gatehouse account." />
        {fetching && !data ? (
          <StatusBlock label="Loading…" />
        ) : (
          <SignInForm onSignedIn={() => navigate("/account", { replace: true })} />
        )}
        <CardFooter>
          <Link to="/forgot-password">Forgot your password?</Link> · New to Gatehouse?{" "}
          <Link to="/register">Create an account</Link>
        </CardFooter>
      </Card>
    </AuthShell>
  );
}
