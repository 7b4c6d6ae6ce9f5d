import { Button } from "../ui/Button";
import "./team.css";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";

/** Previous and Next for a cursor-paged list; shown only when there is more than one page. */
export function Pager({
  label,
  page,
  hasNextPage,
  busy = false,
  onPrevious,
  onNext,
}: {
  /** Names the navigation landmark, e.g. "Users pages". */
  label: string;
  /** Zero-based. */
  page: number;
  hasNextPage: boolean;
  busy?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation("team");
  if (page === 0 && !hasNextPage) return null;
  return (
    <nav className="team-toolbar" aria-label={label}>
      <Button variant="secondary" disabled={page === 0 || busy} onClick={onPrevious}>
        {t("pager.previous")}
      </Button>
      <span className="muted">{t("pager.page", { page: formatNumber(page + 1) })}</span>
      <Button variant="secondary" disabled={!hasNextPage || busy} onClick={onNext}>
        {t("pager.next")}
      </Button>
    </nav>
  );
}
