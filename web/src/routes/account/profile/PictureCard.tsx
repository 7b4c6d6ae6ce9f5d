import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { SectionCard } from "../../../components/ui/SectionCard";
import { useImageUpload } from "../../../lib/image-upload";

/** "Profile picture": upload (checked and re-encoded by the server) or remove. */
export function PictureCard({ picture, onChanged }: { picture: string | null; onChanged: () => void }) {
  const { t } = useTranslation("account");
  const image = useImageUpload({
    url: "/account/picture",
    maxBytes: 2 * 1024 * 1024,
    tooLarge: t("picture.tooLarge"),
    label: t("picture.file"),
    onChanged,
  });
  const [confirming, setConfirming] = useState(false);

  async function remove() {
    await image.remove();
    setConfirming(false);
  }

  return (
    <SectionCard
      id="picture-title"
      title={t("picture.title")}
      description={t("picture.description")}
      action={
        <span className="picture-actions">
          {image.fileInput}
          {picture ? (
            <Button variant="secondary" onClick={() => setConfirming(true)} disabled={image.busy}>
              {t("picture.remove")}
            </Button>
          ) : null}
          <Button onClick={image.choose} loading={image.busy && !confirming}>
            {picture ? t("picture.change") : t("picture.upload")}
          </Button>
        </span>
      }
    >
      {image.error ? <Alert tone="error">{image.error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title={t("picture.removeTitle")}
        confirmLabel={t("picture.remove")}
        loading={image.busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        {t("picture.removeBody")}
      </ConfirmDialog>
    </SectionCard>
  );
}
