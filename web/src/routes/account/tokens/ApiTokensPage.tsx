import { useState } from "react";
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
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApiTokensPage_Tokens,
    requestPolicy: "cache-and-network",
  });
  const [created, setCreated] = useState<{ value: string; label: string } | null>(null);
  const tokens = data?.viewer?.apiTokens;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  return (
    <div className="stack">
      <title>API tokens · Gatehouse</title>
      <CreateTokenCard
        onCreated={(value, label) => {
          setCreated({ value, label });
          refresh();
        }}
      />
      {created ? (
        <section className="secret-once" aria-labelledby="token-created-title">
          <h3 id="token-created-title">Your new token “{created.label}”</h3>
          <Alert tone="warning" title="Copy it now: it is shown only this once.">
            Gatehouse keeps only a fingerprint of it. If you lose it, revoke it and create a new one.
          </Alert>
          <div className="secret-value">
            <code data-testid="new-token-value">{created.value}</code>
            <CopyButton value={created.value} label="Copy the new API token" />
          </div>
          <div>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              I have stored it
            </Button>
          </div>
        </section>
      ) : null}
      <SectionCard
        id="tokens-title"
        title="Your tokens"
        description="Only the first characters of each token are kept to tell them apart."
      >
        {error && !data ? (
          <LoadFailed className="stack" title="We couldn't load your tokens" error={error} onRetry={refresh} />
        ) : fetching && !tokens ? (
          <StatusBlock label="Loading your tokens…" />
        ) : tokens && tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one above to call the Gatehouse API as yourself.</EmptyState>
        ) : tokens ? (
          <TokensTable tokens={tokens} onRevoked={refresh} />
        ) : null}
      </SectionCard>
    </div>
  );
}
