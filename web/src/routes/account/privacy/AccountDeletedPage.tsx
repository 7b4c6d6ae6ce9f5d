import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AuthCard } from "../../../components/layout/AuthCard";
import { formatDate } from "../../../lib/format";

/** Where a person lands after asking to delete their account: when it happens, and how to undo it. */
export function AccountDeletedPage() {
  const { t } = useTranslation("account");
  const [params] = useSearchParams();
  const day = params.get("on");
  const when = day && /^\d{4}-\d\d-\d\d$/.test(day) ? formatDate(`${day}T12:00:00Z`) : null;
  return (
    <AuthCard
      title={t("deleted.title")}
      description={when ? t("deleted.on", { date: when }) : t("deleted.afterGrace")}
      footer={<Link to="/signin">{t("deleted.cancel")}</Link>}
    >
      <p>{t("deleted.body")}</p>
    </AuthCard>
  );
}
