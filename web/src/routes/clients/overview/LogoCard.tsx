import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { SectionCard } from "../../../components/ui/SectionCard";
import { i18n } from "../../../i18n/i18n";
import { can, type DashboardClient, missingPermissionReason, useClientDashboard } from "../shared";

const MAX_BYTES = 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp";

type Answer = { logoUrl?: string | null; error?: { message: string } };

/** Sends the logo change the way /graphql gets the session: cookie plus the CSRF header. */
async function changeLogo(clientId: string, method: "PUT" | "DELETE", file?: File): Promise<Answer> {
  try {
    const response = await fetch(`/clients/${encodeURIComponent(clientId)}/logo`, {
      method,
      credentials: "same-origin",
      headers: {
        "x-gatehouse-csrf": "1",
        ...(file ? { "content-type": file.type || "application/octet-stream" } : {}),
      },
      body: file ?? null,
    });
    return (await response.json()) as Answer;
  } catch {
    return { error: { message: i18n.t("common:errors.network") } };
  }
}

/** "Logo": what the consent screen shows people beside the client's name; upload (re-encoded by the server) or remove. */
export function LogoCard({ client }: { client: DashboardClient }) {
  const { t } = useTranslation("clients");
  const { refreshClient } = useClientDashboard();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const allowed = can(client, "CLIENT_UPDATE");

  async function run(method: "PUT" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    const answer = await changeLogo(client.id, method, file);
    setBusy(false);
    setConfirming(false);
    if (answer.error) return setError(answer.error.message);
    refreshClient();
  }

  function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // The server decides; this only spares a long upload that would be refused.
    if (file.size > MAX_BYTES) return setError(t("logo.tooLarge"));
    void run("PUT", file);
  }

  return (
    <SectionCard
      id="logo-title"
      title={t("logo.title")}
      description={`${t("logo.description", { client: client.name })}${
        allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`
      }`}
      action={
        <span className="picture-actions">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            aria-label={t("logo.file")}
            tabIndex={-1}
            onChange={handleFile}
          />
          {client.logoUrl ? (
            <Button variant="secondary" onClick={() => setConfirming(true)} disabled={busy || !allowed}>
              {t("logo.remove")}
            </Button>
          ) : null}
          <Button onClick={() => input.current?.click()} loading={busy && !confirming} disabled={!allowed}>
            {client.logoUrl ? t("logo.change") : t("logo.upload")}
          </Button>
        </span>
      }
    >
      {client.logoUrl ? (
        <img
          className="client-logo client-avatar-lg"
          src={client.logoUrl}
          alt={t("logo.alt", { client: client.name })}
        />
      ) : (
        <p className="muted">{t("logo.none")}</p>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title={t("logo.removeTitle")}
        confirmLabel={t("logo.remove")}
        loading={busy}
        onConfirm={() => void run("DELETE")}
        onCancel={() => setConfirming(false)}
      >
        {t("logo.removeBody", { client: client.name })}
      </ConfirmDialog>
    </SectionCard>
  );
}
