import { DeleteAccountCard } from "./DeleteAccountCard";
import { ExportDataCard } from "./ExportDataCard";

/** /account/privacy: take your data along, or delete your account. */
export function PrivacyPage() {
  return (
    <div className="stack">
      <title>Your data · Gatehouse</title>
      <ExportDataCard />
      <DeleteAccountCard />
    </div>
  );
}
