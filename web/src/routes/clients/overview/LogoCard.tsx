import { type ChangeEvent, useRef, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { SectionCard } from "../../../components/ui/SectionCard";
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
    return { error: { message: "We couldn't reach Gatehouse. Check your connection and try again." } };
  }
}

/** "Logo": what the consent screen shows people beside the client's name; upload (re-encoded by the server) or remove. */
export function LogoCard({ client }: { client: DashboardClient }) {
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
    if (file.size > MAX_BYTES) return setError("The image is larger than 1 MB.");
    void run("PUT", file);
  }

  return (
    <SectionCard
      id="logo-title"
      title="Logo"
      description={`Shown on the consent screen beside ${client.name}. A JPEG, PNG or WebP image up to 1 MB; Gatehouse re-encodes and serves it.${
        allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`
      }`}
      action={
        <span className="picture-actions">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            aria-label="Logo file"
            tabIndex={-1}
            onChange={handleFile}
          />
          {client.logoUrl ? (
            <Button variant="secondary" onClick={() => setConfirming(true)} disabled={busy || !allowed}>
              Remove logo
            </Button>
          ) : null}
          <Button onClick={() => input.current?.click()} loading={busy && !confirming} disabled={!allowed}>
            {client.logoUrl ? "Change logo" : "Upload a logo"}
          </Button>
        </span>
      }
    >
      {client.logoUrl ? (
        <img className="client-logo client-avatar-lg" src={client.logoUrl} alt={`${client.name} logo`} />
      ) : (
        <p className="muted">No logo yet: the consent screen shows the client's initial.</p>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title="Remove the logo?"
        confirmLabel="Remove logo"
        loading={busy}
        onConfirm={() => void run("DELETE")}
        onCancel={() => setConfirming(false)}
      >
        People signing in will see {client.name}'s initial instead.
      </ConfirmDialog>
    </SectionCard>
  );
}
