import { useTranslation } from "react-i18next";
import { DeleteAccountCard } from "./DeleteAccountCard";
import { ExportDataCard } from "./ExportDataCard";

/** /account/privacy: take your data along, or delete your account. */
export function PrivacyPage() {
  const { t } = useTranslation("account");
  return (
    <div className="stack">
      <title>{t("privacy.tabTitle")}</title>
      <ExportDataCard />
      <DeleteAccountCard />
    </div>
  );
}
