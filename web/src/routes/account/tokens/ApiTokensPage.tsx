import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";
import { EmptyState } from "../../../components/ui/EmptyState";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { SectionCard } from "../../../components/ui/SectionCard";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { CreateTokenCard } from "./CreateTokenCard";
import { TokensTable } from "./TokensTable";
import { ApiTokenFields } from "./token-fields";

const ApiTokensPage_Tokens = graphql(
  `
    query ApiTokensPage_Tokens {
      viewer {
        id
        apiTokens {
          ...ApiTokenFields
        }
      }
    }
  `,
  [ApiTokenFields],
);

export function ApiTokensPage() {
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApiTokensPage_Tokens,
    requestPolicy: "cache-and-network",
  });
  const [created, setCreated] = useState<{ value: string; label: string } | null>(null);
  const tokens = data?.viewer?.apiTokens;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <div className="stack">
      <title>{t("tokens.tabTitle")}</title>
      <CreateTokenCard
        onCreated={(value, label) => {
          setCreated({ value, label });
          refresh();
        }}
      />
      {created ? (
        <section className="secret-once" aria-labelledby="token-created-title">
          <h3 id="token-created-title">{t("tokens.newTitle", { label: created.label })}</h3>
          <Alert tone="warning" title={t("tokens.copyNowTitle")}>
            {t("tokens.copyNowBody")}
          </Alert>
          <div className="secret-value">
            <code data-testid="new-token-value">{created.value}</code>
            <CopyButton value={created.value} label={t("tokens.copyLabel")} />
          </div>
          <div>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              {t("tokens.stored")}
            </Button>
          </div>
        </section>
      ) : null}
      <SectionCard id="tokens-title" title={t("tokens.title")} description={t("tokens.description")}>
        {error && !data ? (
          <LoadFailed className="stack" title={t("tokens.loadFailed")} error={error} onRetry={refresh} />
        ) : fetching && !tokens ? (
          <StatusBlock label={t("tokens.loading")} />
        ) : tokens && tokens.length === 0 ? (
          <EmptyState title={t("tokens.emptyTitle")}>{t("tokens.emptyBody")}</EmptyState>
        ) : tokens ? (
          <TokensTable tokens={tokens} onRevoked={refresh} />
        ) : null}
      </SectionCard>
    </div>
  );
}
