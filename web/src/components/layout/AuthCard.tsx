import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../lib/graphql";
import { Card, CardFooter, CardHeader } from "../ui/Card";
import { StatusBlock } from "../ui/Spinner";
import { AuthShell } from "./AuthShell";

type AuthCardProps = {
  /** Also the browser tab's title. */
  title: string;
  description?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
};

/** One titled card on the centred auth layout: sign-in, register, reset and confirmation pages. */
export function AuthCard({ title, description, footer, children }: AuthCardProps) {
  const { t } = useTranslation();
  return (
    <AuthShell>
      <title>{t("tabTitle", { title })}</title>
      <Card aria-labelledby="auth-card-title">
        <CardHeader id="auth-card-title" title={title} description={description} />
        {children}
        {footer ? <CardFooter>{footer}</CardFooter> : null}
      </Card>
    </AuthShell>
  );
}

const SignedOutCard_Viewer = graphql(`
  query SignedOutCard_Viewer {
    viewer {
      id
    }
  }
`);

/** An AuthCard for people who are signed out; someone already signed in goes to their account. */
export function SignedOutCard(props: AuthCardProps) {
  const [{ data, fetching }] = useQuery({ query: SignedOutCard_Viewer, requestPolicy: "network-only" });
  const { t } = useTranslation();
  if (data?.viewer) return <Navigate to="/account" replace />;
  return (
    <AuthCard {...props}>{fetching && !data ? <StatusBlock label={t("status.loading")} /> : props.children}</AuthCard>
  );
}
