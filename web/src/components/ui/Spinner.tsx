import { useTranslation } from "react-i18next";
export function Spinner({ large = false }: { large?: boolean }) {
  return <span className={large ? "spinner spinner-lg" : "spinner"} aria-hidden="true" />;
}

/** Full-area loading state with a visible, announced label. */
export function PageLoading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spinner large />
      <span>{label ?? t("status.loading")}</span>
    </div>
  );
}

/** Loading state inside a card. */
export function StatusBlock({ label }: { label: string }) {
  return (
    <div className="status-block" role="status" aria-live="polite">
      <Spinner large />
      <p>{label}</p>
    </div>
  );
}
