import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { Badge } from "../../../components/ui/Badge";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Toggle } from "../../../components/ui/Toggle";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { runMutation } from "../../../lib/mutation";
import { can, missingPermissionReason, useClientDashboard } from "../shared";

const ScopesPage_Scopes = graphql(`
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
`);

/** What a toggle answers: the scope and whether it is now enabled. */
const ScopeToggleFields = graphql(`
  fragment ScopeToggleFields on ClientScope {
    enabled
    scope {
      key
    }
  }
`);

const ScopesPage_Enable = graphql(
  `
    mutation ScopesPage_Enable($input: ClientScopeInput!) {
      enableClientScope(input: $input) {
        __typename
        ... on EnableClientScopeSuccess {
          data {
            ...ScopeToggleFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ScopeToggleFields, ErrorFields],
);

const ScopesPage_Disable = graphql(
  `
    mutation ScopesPage_Disable($input: ClientScopeInput!) {
      disableClientScope(input: $input) {
        __typename
        ... on DisableClientScopeSuccess {
          data {
            ...ScopeToggleFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ScopeToggleFields, ErrorFields],
);

export function ScopesPage() {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ScopesPage_Scopes,
    variables: { id: client.id },
    requestPolicy: "cache-and-network",
  });
  const [enableState, enable] = useMutation(ScopesPage_Enable);
  const [disableState, disable] = useMutation(ScopesPage_Disable);
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
    const outcome = on
      ? await runMutation(enable({ input }), (data) => data.enableClientScope, t("scopes.notSaved"))
      : await runMutation(disable({ input }), (data) => data.disableClientScope, t("scopes.notSaved"));
    setPending(null);
    if (!outcome.ok) return setErrors((c) => ({ ...c, [key]: outcome.message }));
    reexecute({ requestPolicy: "network-only" });
  }

  return (
    <Card aria-labelledby="scopes-title">
      <h2 id="scopes-title">{t("sections.scopes")}</h2>
      <p className="muted">{t("scopes.intro")}</p>
      {!allowed ? <p className="reason">{missingPermissionReason("SCOPES_MANAGE")}</p> : null}
      {!data && fetching ? (
        <StatusBlock label={t("scopes.loading")} />
      ) : error && !data ? (
        <LoadFailed
          title={t("scopes.loadFailed")}
          error={error}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      ) : !data || data.scopes.length === 0 ? (
        <EmptyState title={t("scopes.emptyTitle")}>{t("scopes.emptyBody")}</EmptyState>
      ) : (
        <ul className="scope-table">
          {data.scopes.map((scope) => {
            const isOn = enabled.has(scope.key);
            const locked = scope.tier === "VERIFIED" && !verified && !isOn;
            const reason = locked ? (
              <>
                {t("scopes.needsVerified")}{" "}
                <Link to={`/clients/${client.id}/verification`}>{t("scopes.requestVerification")}</Link>
              </>
            ) : null;
            return (
              <li key={scope.key} className="scope-table-row">
                <div className="scope-row-main">
                  <span className="scope-row-title">
                    <span className="scope-table-key">{scope.key}</span>
                    {scope.tier === "VERIFIED" ? (
                      <Badge tone="warning">{t("scopes.verifiedTier")}</Badge>
                    ) : (
                      <Badge>{t("scopes.basic")}</Badge>
                    )}
                    {isOn ? <Badge tone="success">{t("scopes.enabled")}</Badge> : null}
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
                      {pending === scope.key ? t("scopes.saving") : isOn ? t("scopes.on") : t("scopes.off")}
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
