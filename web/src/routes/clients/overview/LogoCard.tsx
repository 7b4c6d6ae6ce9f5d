import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { SectionCard } from "../../../components/ui/SectionCard";
import { useImageUpload } from "../../../lib/image-upload";
import { can, type DashboardClient, missingPermissionReason, useClientDashboard } from "../shared";

/** "Logo": what the consent screen shows people beside the client's name; upload (re-encoded by the server) or remove. */
export function LogoCard({ client }: { client: DashboardClient }) {
  const { t } = useTranslation("clients");
  const { refreshClient } = useClientDashboard();
  const [confirming, setConfirming] = useState(false);
  const allowed = can(client, "CLIENT_UPDATE");
  const image = useImageUpload({
    url: `/clients/${encodeURIComponent(client.id)}/logo`,
    maxBytes: 1024 * 1024,
    tooLarge: t("logo.tooLarge"),
    label: t("logo.file"),
    onChanged: refreshClient,
  });

  async function remove() {
    await image.remove();
    setConfirming(false);
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
          {image.fileInput}
          {client.logoUrl ? (
            <Button variant="secondary" onClick={() => setConfirming(true)} disabled={image.busy || !allowed}>
              {t("logo.remove")}
            </Button>
          ) : null}
          <Button onClick={image.choose} loading={image.busy && !confirming} disabled={!allowed}>
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
      {image.error ? <Alert tone="error">{image.error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title={t("logo.removeTitle")}
        confirmLabel={t("logo.remove")}
        loading={image.busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        {t("logo.removeBody", { client: client.name })}
      </ConfirmDialog>
    </SectionCard>
  );
}
