import { useTranslation } from "react-i18next";
import { useClientDashboard } from "../shared";
import { RequestsSection } from "./RequestsSection";
import { UsersList } from "./UsersList";

/** Who logged in through the client, and the access / test-user requests it sent. */
export function UsersPage() {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  return (
    <div className="stack">
      <title>{t("users.documentTitle")}</title>
      <UsersList clientId={client.id} />
      <RequestsSection clientId={client.id} />
    </div>
  );
}
