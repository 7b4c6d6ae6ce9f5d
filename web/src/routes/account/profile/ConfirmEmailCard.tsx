import { EmailCodeForm } from "../../../components/auth/EmailCodeForm";
import { SectionCard } from "../../../components/ui/SectionCard";

/** Shown while the address is unconfirmed: the code from the mail (or a new one) confirms it here. */
export function ConfirmEmailCard({ email, onConfirmed }: { email: string; onConfirmed: () => void }) {
  return (
    <SectionCard
      id="confirm-email-title"
      title="Confirm your e-mail address"
      description="Some apps and invitations wait until your address is confirmed."
    >
      <EmailCodeForm email={email} onConfirmed={onConfirmed} />
    </SectionCard>
  );
}
