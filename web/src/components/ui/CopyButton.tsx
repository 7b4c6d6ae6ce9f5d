import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type CopyButtonProps = {
  value: string;
  /** What is copied, for screen readers: "Copy client ID". */
  label: string;
  className?: string;
};

/** Copies `value` to the clipboard and says so for two seconds (announced politely). */
export function CopyButton({ value, label, className }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const { t } = useTranslation();

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <button
      type="button"
      className={["btn", "btn-secondary", "btn-sm", "copy-button", className ?? ""].filter(Boolean).join(" ")}
      onClick={copy}
      aria-label={label}
    >
      <span aria-hidden="true">
        {t(state === "copied" ? "actions.copied" : state === "failed" ? "actions.copyFailed" : "actions.copy")}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? t("actions.copiedAnnounce") : state === "failed" ? t("actions.copyFailedAnnounce") : ""}
      </span>
    </button>
  );
}

/** A monospace value with a copy button beside it. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <span className="copy-field">
      <code className="copy-field-value">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}
