import { useTranslation } from "react-i18next";

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** `details` is JSON `{ before, after }`: a change reads "field: before → after", a creation "field: value". */
export function AuditChanges({ details }: { details: string | null }) {
  const { t } = useTranslation("clients");
  if (!details) return <span className="muted">—</span>;
  let parsed: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
  try {
    parsed = JSON.parse(details);
  } catch {
    return <span className="team-code">{details}</span>;
  }
  const before = parsed.before ?? null;
  const after = parsed.after ?? null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="team-changes">
      {keys.map((key) => {
        const old = before?.[key];
        const next = after?.[key];
        const same = JSON.stringify(old) === JSON.stringify(next);
        return (
          <li key={key}>
            <span className="team-change-key">{key}:</span>{" "}
            {!before || same ? (
              show(next)
            ) : !after ? (
              <>
                {show(old)} {t("audit.removed")}
              </>
            ) : (
              <>
                {show(old)}
                <span className="team-arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">{t("audit.changedTo")}</span>
                {show(next)}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
