import { useState } from "react";
import { Link } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Toggle } from "../../../components/ui/Toggle";
import { describeError } from "../../../lib/errors";
import { can, ERROR_FIELDS, missingPermissionReason, type Payload, useClientDashboard } from "../shared";

type Scope = { key: string; description: string; tier: "BASIC" | "VERIFIED" };
type ClientScope = { enabled: boolean; scope: { key: string } };

const ScopesPageScopes = gql<
  { scopes: Scope[]; client: { id: string; verification: "UNVERIFIED" | "VERIFIED"; scopes: ClientScope[] } | null },
  { id: string }
>`
  query ScopesPage_Scopes($id: ID!) {
    scopes {
      key
      description
      tier
    }
    client(id: $id) {
      id
      verification
      scopes {
        enabled
        scope {
          key
        }
      }
    }
  }
`;

type ScopeResult = { enabled: boolean; scope: { key: string } };

const ScopesPageEnable = gql<
  { enableClientScope: Payload<"EnableClientScopeSuccess", ScopeResult> },
  { input: { clientId: string; scopeKey: string } }
>`
  mutation ScopesPage_Enable($input: ClientScopeInput!) {
    enableClientScope(input: $input) {
      __typename
      ... on EnableClientScopeSuccess {
        data {
          enabled
          scope {
            key
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const ScopesPageDisable = gql<
  { disableClientScope: Payload<"DisableClientScopeSuccess", ScopeResult> },
  { input: { clientId: string; scopeKey: string } }
>`
  mutation ScopesPage_Disable($input: ClientScopeInput!) {
    disableClientScope(input: $input) {
      __typename
      ... on DisableClientScopeSuccess {
        data {
          enabled
          scope {
            key
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

export function ScopesPage() {
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ScopesPageScopes,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const [enableState, enable] = useMutation(ScopesPageEnable);
  const [disableState, disable] = useMutation(ScopesPageDisable);
  const [pending, setPending] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const allowed = can(client, "SCOPES_MANAGE");
  const verified = (data?.client?.verification ?? client.verification) === "VERIFIED";
  const enabled = new Set(data?.client?.scopes.filter((s) => s.enabled).map((s) => s.scope.key) ?? []);
  const busy = enableState.fetching || disableState.fetching;

  async function toggle(key: string, on: boolean) {
    setPending(key);
    setErrors((current) => ({ ...current, [key]: "" }));
    const input = { clientId: client.id, scopeKey: key };
    const result = on ? await enable({ input }) : await disable({ input });
    setPending(null);
    const payload = result.data
      ? "enableClientScope" in result.data
        ? result.data.enableClientScope
        : result.data.disableClientScope
      : null;
    if (result.error || !payload) {
      return setErrors((c) => ({ ...c, [key]: result.error ? describeError(result.error) : "Not saved." }));
    }
    if ("message" in payload) return setErrors((c) => ({ ...c, [key]: payload.message }));
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <Card aria-labelledby="scopes-title">
      <h2 id="scopes-title">Client Scopes</h2>
      <p className="muted">
        The data your app may ask people for. People see these on the consent page, in plain words.
      </p>
      {!allowed ? <p className="reason">{missingPermissionReason("SCOPES_MANAGE")}</p> : null}
      {!data && fetching ? (
        <StatusBlock label="Loading scopes…" />
      ) : error && !data ? (
        <div className="stack-sm">
          <Alert tone="error" title="We couldn't load the scopes">
            {describeError(error)}
          </Alert>
          <div>
            <Button variant="secondary" onClick={() => reexecute({ requestPolicy: "network-only" })}>
              Try again
            </Button>
          </div>
        </div>
      ) : !data || data.scopes.length === 0 ? (
        <EmptyState title="No scopes in the catalogue">The platform has not defined any scopes yet.</EmptyState>
      ) : (
        <ul className="scope-table">
          {data.scopes.map((scope) => {
            const isOn = enabled.has(scope.key);
            const locked = scope.tier === "VERIFIED" && !verified && !isOn;
            const reason = locked ? (
              <>
                Needs a verified client. <Link to={`/clients/${client.id}/verification`}>Request verification</Link>
              </>
            ) : null;
            return (
              <li key={scope.key} className="scope-table-row">
                <div className="scope-row-main">
                  <span className="scope-row-title">
                    <span className="scope-table-key">{scope.key}</span>
                    {scope.tier === "VERIFIED" ? <Badge tone="warning">Verified tier</Badge> : <Badge>Basic</Badge>}
                    {isOn ? <Badge tone="success">Enabled</Badge> : null}
                  </span>
                  <span className="muted">{scope.description}</span>
                  {reason ? <span className="reason">{reason}</span> : null}
                  {errors[scope.key] ? (
                    <span className="field-error" role="alert">
                      {errors[scope.key]}
                    </span>
                  ) : null}
                </div>
                <Toggle
                  label={
                    <span>
                      {pending === scope.key ? "Saving…" : isOn ? "On" : "Off"}
                      <span className="visually-hidden"> {scope.key}</span>
                    </span>
                  }
                  checked={isOn}
                  disabled={!allowed || locked || busy}
                  onChange={(event) => toggle(scope.key, event.target.checked)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
