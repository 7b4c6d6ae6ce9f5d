import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { AuthShell } from "../../components/layout/AuthShell";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { StatusBlock } from "../../components/ui/Spinner";
import { followAccountLanguage, fromAccountLanguage } from "../../i18n/i18n";
import { describeError } from "../../lib/errors";
import { graphql } from "../../lib/graphql";
import { AuthPanel } from "./AuthPanel";
import { ConsentScreen } from "./ConsentScreen";
import { LoginRequestErrorView } from "./LoginRequestErrorView";
import { type LoginRequestError, LoginRequestErrorFields, LoginRequestFields, ViewerFields } from "./types";

const AuthorizePage_LoginRequest = graphql(
  `
  query AuthorizePage_LoginRequest($token: String!) {
    viewer {
      ...ViewerFields
    }
    loginRequest(token: $token) {
      __typename
      ... on LoginRequestSuccess {
        data {
          ...LoginRequestFields
        }
      }
      ...LoginRequestErrorFields
    }
  }
`,
  [ViewerFields, LoginRequestFields, LoginRequestErrorFields],
);

const AuthorizePage_CompleteLogin = graphql(
  `
  mutation AuthorizePage_CompleteLogin($input: CompleteLoginInput!) {
    completeLogin(input: $input) {
      __typename
      ... on CompleteLoginSuccess {
        data {
          redirectUrl
        }
      }
      ...LoginRequestErrorFields
      ... on NotAuthenticatedError {
        message
      }
    }
  }
`,
  [LoginRequestErrorFields],
);

/** The hosted login page partners send people to: sign in or register, consent, then back to the partner. */
export function AuthorizePage({ token }: { token: string }) {
  const { t } = useTranslation("authorize");
  return (
    <AuthShell brandLink={null}>
      {token ? (
        <AuthorizeFlow token={token} />
      ) : (
        <LoginRequestErrorView title={t("incompleteTitle")} message={t("incompleteMessage")} />
      )}
    </AuthShell>
  );
}

type Outcome = { kind: "redirect"; url: string } | { kind: "failed"; error: LoginRequestError };

function AuthorizeFlow({ token }: { token: string }) {
  const { t } = useTranslation(["authorize", "common"]);
  const [result, reexecute] = useQuery({
    query: AuthorizePage_LoginRequest,
    variables: { token },
    requestPolicy: "network-only",
  });
  const [, completeLogin] = useMutation(AuthorizePage_CompleteLogin);
  const [decision, setDecision] = useState<"allow" | "deny" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const autoCompleteStarted = useRef(false);

  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);

  const loginRequest = result.data?.loginRequest;
  const viewer = result.data?.viewer ?? null;
  const accountLanguage = viewer?.language;
  useEffect(() => followAccountLanguage(fromAccountLanguage(accountLanguage)), [accountLanguage]);
  const request = loginRequest?.__typename === "LoginRequestSuccess" ? loginRequest.data : null;
  const requestError = loginRequest?.__typename === "LoginRequestError" ? loginRequest : null;

  const finish = useCallback(
    async (approve: boolean) => {
      setDecision(approve ? "allow" : "deny");
      setCompleteError(null);
      const response = await completeLogin({ input: { token, approve } });
      setDecision(null);
      const payload = response.data?.completeLogin;
      if (response.error || !payload) {
        setCompleteError(response.error ? describeError(response.error) : t("finishFailed"));
        return;
      }
      switch (payload.__typename) {
        case "CompleteLoginSuccess":
          setOutcome({ kind: "redirect", url: payload.data.redirectUrl });
          return;
        case "LoginRequestError":
          setOutcome(
            payload.redirectUrl ? { kind: "redirect", url: payload.redirectUrl } : { kind: "failed", error: payload },
          );
          return;
        case "NotAuthenticatedError":
          setNotice(t("sessionEnded"));
          autoCompleteStarted.current = false;
          refresh();
          return;
      }
    },
    [completeLogin, token, refresh, t],
  );

  // The partner's redirect URI on success, or its fallback URI when the request cannot go on.
  const redirectUrl = outcome?.kind === "redirect" ? outcome.url : (requestError?.redirectUrl ?? null);
  useEffect(() => {
    if (redirectUrl) window.location.assign(redirectUrl);
  }, [redirectUrl]);

  // Someone who already consented to every requested scope goes straight back to the partner.
  const shouldAutoComplete = !!request && !!viewer && !request.consentRequired && !outcome && !result.fetching;
  useEffect(() => {
    if (shouldAutoComplete && !autoCompleteStarted.current) {
      autoCompleteStarted.current = true;
      void finish(true);
    }
  }, [shouldAutoComplete, finish]);

  if (redirectUrl) {
    return (
      <Card centered>
        <title>{t("redirectingTab")}</title>
        <StatusBlock label={t("takingBack", { host: hostOf(redirectUrl) ?? request?.redirectHost ?? t("theApp") })} />
      </Card>
    );
  }

  if (outcome?.kind === "failed")
    return <LoginRequestErrorView code={outcome.error.code} message={outcome.error.message} />;
  if (requestError) return <LoginRequestErrorView code={requestError.code} message={requestError.message} />;

  if (!result.data) {
    if (result.error) {
      return (
        <Card centered aria-labelledby="load-error-title">
          <div className="stack">
            <h1 id="load-error-title">{t("loadFailed")}</h1>
            <Alert tone="error">{describeError(result.error)}</Alert>
            <Button onClick={refresh}>{t("common:actions.tryAgain")}</Button>
          </div>
        </Card>
      );
    }
    return (
      <Card centered>
        <StatusBlock label={t("loading")} />
      </Card>
    );
  }

  if (!request) return null;

  if (result.fetching) {
    return (
      <Card centered>
        <StatusBlock label={t("moment")} />
      </Card>
    );
  }

  if (!viewer) {
    return (
      <AuthPanel
        request={request}
        notice={notice}
        onAuthenticated={() => {
          setNotice(null);
          refresh();
        }}
      />
    );
  }

  if (!request.consentRequired) {
    return (
      <Card centered aria-labelledby="signing-in-title">
        <title>{t("signingInTab")}</title>
        <h1 id="signing-in-title" className="visually-hidden">
          {t("signingInTo", { client: request.clientName })}
        </h1>
        {completeError ? (
          <div className="stack">
            <Alert tone="error" title={t("finishFailed")}>
              {completeError}
            </Alert>
            <Button onClick={() => void finish(true)}>{t("common:actions.tryAgain")}</Button>
          </div>
        ) : (
          <StatusBlock label={t("signingInToProgress", { client: request.clientName })} />
        )}
      </Card>
    );
  }

  return (
    <ConsentScreen
      request={request}
      viewer={viewer}
      pending={decision}
      error={completeError}
      onDecide={(approve) => void finish(approve)}
      onSignedOut={refresh}
    />
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
