import { type ChangeEvent, useRef, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SectionCard } from "../../../components/ui/SectionCard";

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
    return { error: { message: "We couldn't reach Gatehouse. Check your connection and try again." } };
  }
}

/** "Profile picture": upload (checked and re-encoded by the server) or remove. */
export function PictureCard({ picture, onChanged }: { picture: string | null; onChanged: () => void }) {
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
    if (file.size > MAX_BYTES) return setError("The image is larger than 2 MB.");
    void run("PUT", file);
  }

  return (
    <SectionCard
      id="picture-title"
      title="Profile picture"
      description="A JPEG, PNG or WebP image up to 2 MB. Apps you allow to read your profile see it."
      action={
        <span className="picture-actions">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            aria-label="Picture file"
            tabIndex={-1}
            onChange={handleFile}
          />
          {picture ? (
            <Button variant="secondary" onClick={() => run("DELETE")} disabled={busy}>
              Remove picture
            </Button>
          ) : null}
          <Button onClick={() => input.current?.click()} loading={busy}>
            {picture ? "Change picture" : "Upload a picture"}
          </Button>
        </span>
      }
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
    </SectionCard>
  );
}
