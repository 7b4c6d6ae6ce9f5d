import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";

/** New recovery codes, shown this once; Gatehouse keeps only their fingerprints. */
export function RecoveryCodesOnce({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  return (
    <section className="secret-once" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title">Your recovery codes</h3>
      <Alert tone="warning" title="Save them now: they are shown only this once.">
        Each code signs you in once when you cannot use your second factor. Keep them somewhere safe, away from your
        password.
      </Alert>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <CopyButton value={codes.join("\n")} label="Copy the recovery codes" />
        <Button variant="secondary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </section>
  );
}
