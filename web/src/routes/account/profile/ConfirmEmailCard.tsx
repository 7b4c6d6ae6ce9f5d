import { useTranslation } from "react-i18next";
import { EmailCodeForm } from "../../../components/auth/EmailCodeForm";
import { SectionCard } from "../../../components/ui/SectionCard";

/** Shown while the address is unconfirmed: the code from the mail (or a new one) confirms it here. */
export function ConfirmEmailCard({ email, onConfirmed }: { email: string; onConfirmed: () => void }) {
  const { t } = useTranslation("account");
  return (
    <SectionCard id="confirm-email-title" title={t("confirmEmail.title")} description={t("confirmEmail.description")}>
      <EmailCodeForm email={email} onConfirmed={onConfirmed} />
    </SectionCard>
  );
}
