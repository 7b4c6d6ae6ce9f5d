import { Trans, useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Alert } from "../../components/ui/Alert";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { BrandMark, CheckIcon } from "../../components/ui/icons";
import { scopeSummary } from "../../i18n/scopes";
import { graphql } from "../../lib/graphql";
import type { LoginRequest, LoginScope, Viewer } from "./types";

const ConsentScreen_SignOut = graphql(`
  mutation ConsentScreen_SignOut {
    signOut
  }
`);

type ConsentScreenProps = {
  request: LoginRequest;
  viewer: Viewer;
  /** Which decision is being sent, so only that button shows progress. */
  pending: "allow" | "deny" | null;
  error: string | null;
  onDecide: (approve: boolean) => void;
  onSignedOut: () => void;
};

export function ConsentScreen({ request, viewer, pending, error, onDecide, onSignedOut }: ConsentScreenProps) {
  const { t } = useTranslation("authorize");
  const [signOutState, signOut] = useMutation(ConsentScreen_SignOut);
  const busy = pending !== null || signOutState.fetching;

  async function handleSignOut() {
    const result = await signOut({});
    if (!result.error) onSignedOut();
  }

  return (
    <Card aria-labelledby="consent-title">
      <title>{t("consent.tabTitle", { client: request.clientName })}</title>
      <div className="consent-pair" aria-hidden="true">
        {request.clientLogoUrl ? (
          <img className="client-logo client-avatar-lg" src={request.clientLogoUrl} alt="" />
        ) : (
          <span className="client-avatar client-avatar-lg">{request.clientName.trim().charAt(0) || "?"}</span>
        )}
        <span className="consent-pair-link">
          <span />
          <span />
          <span />
        </span>
        <BrandMark className="client-avatar-lg" />
      </div>
      <div className="stack-sm">
        <h1 id="consent-title" className="consent-title">
          {t("consent.title", { client: request.clientName })}
        </h1>
        <p className="consent-domain">
          <span data-testid="consent-domain">{request.domain}</span>
          {request.clientVerified ? (
            <>
              {" "}
              <Badge tone="success">
                <CheckIcon className="badge-icon" /> {t("consent.verifiedPartner")}
              </Badge>
            </>
          ) : null}
        </p>
        {request.domain !== request.primaryDomain ? (
          <p className="consent-domain fine-print">
            {t("consent.otherDomain", {
              client: request.clientName,
              primary: request.primaryDomain,
              domain: request.domain,
            })}
          </p>
        ) : null}
      </div>

      <div className="account-chip">
        <span className="account-chip-avatar" aria-hidden="true">
          {(viewer.name || viewer.email).trim().charAt(0)}
        </span>
        <p className="account-chip-text">
          <Trans
            t={t}
            i18nKey="consent.signedInAs"
            values={{ email: viewer.email }}
            components={{ strong: <strong /> }}
          />
        </p>
        <p className="account-chip-action">
          {t("consent.notYou")}{" "}
          <Button variant="link" onClick={handleSignOut} disabled={busy}>
            {t("consent.signOut")}
          </Button>
        </p>
      </div>

      {signOutState.error ? <Alert tone="error">{t("consent.signOutFailed")}</Alert> : null}

      <section aria-labelledby="consent-scopes-title">
        <h2 id="consent-scopes-title">{t("consent.allowsTo", { client: request.clientName })}</h2>
        {request.scopes.length > 0 ? (
          <ul className="scope-list">
            {basicFirst(request.scopes).map((scope) => (
              <li key={scope.key} className="scope-item" data-scope={scope.key}>
                <CheckIcon className="scope-check" />
                <div>
                  <p className="scope-description">{scope.name ?? scopeSummary(scope)}</p>
                  {scope.name ? <p className="muted">{scope.description}</p> : null}
                  {scope.releases.length > 0 ? (
                    <p className="scope-releases">
                      {t("consent.shares")}{" "}
                      {scope.releases.map((field) => (
                        <code key={field} className="scope-key">
                          {field}
                        </code>
                      ))}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("consent.noScopes")}</p>
        )}
      </section>

      <div className="stack consent-actions">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="btn-row">
          <Button variant="secondary" onClick={() => onDecide(false)} loading={pending === "deny"} disabled={busy}>
            {t("consent.deny")}
          </Button>
          <Button onClick={() => onDecide(true)} loading={pending === "allow"} disabled={busy}>
            {t("consent.allow")}
          </Button>
        </div>
        <p className="fine-print">
          <Trans
            t={t}
            i18nKey="consent.finePrint"
            values={{ host: request.redirectHost }}
            components={{ strong: <strong /> }}
          />
        </p>
      </div>
    </Card>
  );
}

/** The everyday profile scopes read first; the server's order is kept within each tier. */
function basicFirst(scopes: LoginScope[]): LoginScope[] {
  return [...scopes.filter((scope) => scope.tier === "BASIC"), ...scopes.filter((scope) => scope.tier !== "BASIC")];
}
