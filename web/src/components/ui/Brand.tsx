import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BrandMark } from "./icons";

/** The Gatehouse wordmark; pass `to={null}` where leaving the page would break a flow. */
export function Brand({ to = "/" }: { to?: string | null }) {
  const { t } = useTranslation();
  const content = (
    <>
      <BrandMark className="brand-mark" />
      <span>Gatehouse</span>
    </>
  );
  if (to === null) return <span className="brand">{content}</span>;
  return (
    <Link to={to} className="brand" aria-label={t("brand.home")}>
      {content}
    </Link>
  );
}
