import { useState } from "react";
import { useClient } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SectionCard } from "../../../components/ui/SectionCard";
import { describeError } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

const ExportDataCard_Export = graphql(`
  query ExportDataCard_Export {
    viewer {
      id
      dataExport
    }
  }
`);

/** Hands the browser a file to save, without a round trip through a URL the server would have to serve. */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** "Export your data": one JSON file of everything Gatehouse holds about the person. */
export function ExportDataCard() {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function handleExport() {
    setBusy(true);
    setError(null);
    setDone(false);
    const result = await client.query(ExportDataCard_Export, {}, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    const text = result.data?.viewer?.dataExport;
    if (!text) return setError(result.error ? describeError(result.error) : "We couldn't prepare your data.");
    download(text, `gatehouse-data-${new Date().toISOString().slice(0, 10)}.json`);
    setDone(true);
  }

  return (
    <SectionCard
      id="export-title"
      title="Export your data"
      description="One JSON file with your profile, addresses, linked providers, connected apps and their scopes, sessions, API tokens (never their values), access requests, memberships and the audit events about you."
      action={
        <Button variant="secondary" onClick={handleExport} loading={busy}>
          Download my data
        </Button>
      }
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">Your data was downloaded as a JSON file.</Alert> : null}
    </SectionCard>
  );
}
