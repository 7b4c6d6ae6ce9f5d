import { useMutation } from "urql";
import { Alert } from "../../components/ui/Alert";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { BrandMark, CheckIcon } from "../../components/ui/icons";
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
  const [signOutState, signOut] = useMutation(ConsentScreen_SignOut);
  const busy = pending !== null || signOutState.fetching;

  async function handleSignOut() {
    const result = await signOut({});
    if (!result.error) onSignedOut();
  }

  return (
    <Card aria-labelledby="consent-title">
      <title>{`Allow ${request.clientName}? · Gatehouse`}</title>
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
          {request.clientName} wants to access your Gatehouse account
        </h1>
        <p className="consent-domain">
          <span data-testid="consent-domain">{request.domain}</span>
          {request.clientVerified ? (
            <>
              {" "}
              <Badge tone="success">
                <CheckIcon className="badge-icon" /> Verified partner
              </Badge>
            </>
          ) : null}
        </p>
        {request.domain !== request.primaryDomain ? (
          <p className="consent-domain fine-print">
            {request.clientName}'s primary domain is {request.primaryDomain}; this sign-in returns to {request.domain}.
          </p>
        ) : null}
      </div>

      <div className="account-chip">
        <span className="account-chip-avatar" aria-hidden="true">
          {(viewer.name || viewer.email).trim().charAt(0)}
        </span>
        <p className="account-chip-text">
          Signed in as <strong>{viewer.email}</strong>
        </p>
        <p className="account-chip-action">
          Not you?{" "}
          <Button variant="link" onClick={handleSignOut} disabled={busy}>
            Sign out
          </Button>
        </p>
      </div>

      {signOutState.error ? <Alert tone="error">We couldn't sign you out. Please try again.</Alert> : null}

      <section aria-labelledby="consent-scopes-title">
        <h2 id="consent-scopes-title">This will allow {request.clientName} to:</h2>
        {request.scopes.length > 0 ? (
          <ul className="scope-list">
            {basicFirst(request.scopes).map((scope) => (
              <li key={scope.key} className="scope-item">
                <CheckIcon className="scope-check" />
                <div>
                  <p className="scope-description">{scope.name ?? withoutReleaseList(scope.description)}</p>
                  {scope.name ? <p className="muted">{scope.description}</p> : null}
                  {scope.releases.length > 0 ? (
                    <p className="scope-releases">
                      Shares:{" "}
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
          <p className="muted">Confirm who you are. No other information is shared.</p>
        )}
      </section>

      <div className="stack consent-actions">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="btn-row">
          <Button variant="secondary" onClick={() => onDecide(false)} loading={pending === "deny"} disabled={busy}>
            Deny
          </Button>
          <Button onClick={() => onDecide(true)} loading={pending === "allow"} disabled={busy}>
            Allow
          </Button>
        </div>
        <p className="fine-print">
          Allowing sends you back to <strong>{request.redirectHost}</strong>. You can revoke access at any time from
          your Gatehouse account.
        </p>
      </div>
    </Card>
  );
}

/** The everyday profile scopes read first; the server's order is kept within each tier. */
function basicFirst(scopes: LoginScope[]): LoginScope[] {
  return [...scopes.filter((scope) => scope.tier === "BASIC"), ...scopes.filter((scope) => scope.tier !== "BASIC")];
}

/** Built-in descriptions end with "(releases: …)"; the screen lists those fields itself. */
function withoutReleaseList(description: string): string {
  return description.replace(/\s*\(releases: [^)]*\)$/, "");
}
