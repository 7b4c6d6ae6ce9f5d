import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SectionCard } from "../../../components/ui/SectionCard";
import { i18n } from "../../../i18n/i18n";

const MAX_BYTES = 2 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp";

type Answer = { picture?: string | null; error?: { message: string } };

/** Sends the picture change the way /graphql gets the session: cookie plus the CSRF header. */
async function changePicture(method: "PUT" | "DELETE", file?: File): Promise<Answer> {
  try {
    const response = await fetch("/account/picture", {
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

/** "Profile picture": upload (checked and re-encoded by the server) or remove. */
export function PictureCard({ picture, onChanged }: { picture: string | null; onChanged: () => void }) {
  const { t } = useTranslation("account");
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(method: "PUT" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    const answer = await changePicture(method, file);
    setBusy(false);
    if (answer.error) return setError(answer.error.message);
    onChanged();
  }

  function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // The server decides; this only spares a long upload that would be refused.
    if (file.size > MAX_BYTES) return setError(t("picture.tooLarge"));
    void run("PUT", file);
  }

  return (
    <SectionCard
      id="picture-title"
      title={t("picture.title")}
      description={t("picture.description")}
      action={
        <span className="picture-actions">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            aria-label={t("picture.file")}
            tabIndex={-1}
            onChange={handleFile}
          />
          {picture ? (
            <Button variant="secondary" onClick={() => run("DELETE")} disabled={busy}>
              {t("picture.remove")}
            </Button>
          ) : null}
          <Button onClick={() => input.current?.click()} loading={busy}>
            {picture ? t("picture.change") : t("picture.upload")}
          </Button>
        </span>
      }
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
    </SectionCard>
  );
}
