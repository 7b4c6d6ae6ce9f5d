import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";

/** New recovery codes, shown this once; Gatehouse keeps only their fingerprints. */
export function RecoveryCodesOnce({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation("account");
  return (
    <section className="secret-once" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title">{t("twoFactor.recovery.onceTitle")}</h3>
      <Alert tone="warning" title={t("twoFactor.recovery.saveNow")}>
        {t("twoFactor.recovery.saveBody")}
      </Alert>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <CopyButton value={codes.join("\n")} label={t("twoFactor.recovery.copy")} />
        <Button variant="secondary" onClick={onDone}>
          {t("twoFactor.recovery.saved")}
        </Button>
      </div>
    </section>
  );
}
