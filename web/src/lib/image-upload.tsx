import { type ChangeEvent, useRef, useState } from "react";
import { i18n } from "../i18n/i18n";

/** The image types the server's upload doors take (it re-encodes them). */
const ACCEPT = "image/jpeg,image/png,image/webp";

type Answer = { error?: { message: string } };

/** Sends an image change the way /graphql gets the session: cookie plus the CSRF header. */
async function sendImage(url: string, method: "PUT" | "DELETE", file?: File): Promise<Answer> {
  try {
    const response = await fetch(url, {
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

/**
 * Upload and removal of one image (a profile picture, a client's logo) through its door at `url`:
 * `fileInput` is the hidden file picker that `choose` opens, `remove` resolves when the answer is in.
 */
export function useImageUpload({
  url,
  maxBytes,
  tooLarge,
  label,
  onChanged,
}: {
  url: string;
  maxBytes: number;
  tooLarge: string;
  label: string;
  onChanged: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(method: "PUT" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    const answer = await sendImage(url, method, file);
    setBusy(false);
    if (answer.error) return setError(answer.error.message);
    onChanged();
  }

  function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // The server decides; this only spares a long upload that would be refused.
    if (file.size > maxBytes) return setError(tooLarge);
    void send("PUT", file);
  }

  const fileInput = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      className="visually-hidden"
      aria-label={label}
      tabIndex={-1}
      onChange={handleFile}
    />
  );
  return { fileInput, busy, error, choose: () => input.current?.click(), remove: () => send("DELETE") };
}
