import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("account");
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
    if (!text) return setError(result.error ? describeError(result.error) : t("export.failed"));
    download(text, `gatehouse-data-${new Date().toISOString().slice(0, 10)}.json`);
    setDone(true);
  }

  return (
    <SectionCard
      id="export-title"
      title={t("export.title")}
      description={t("export.description")}
      action={
        <Button variant="secondary" onClick={handleExport} loading={busy}>
          {t("export.download")}
        </Button>
      }
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">{t("export.done")}</Alert> : null}
    </SectionCard>
  );
}
