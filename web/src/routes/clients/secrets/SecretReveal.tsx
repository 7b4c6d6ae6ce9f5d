import { useEffect, useRef } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";
import { formatDateTime } from "../../../lib/format";
import type { Secret } from "./secret-fields";

/** A new secret's value; `previous` is the secret it replaced when it came from a rotation. */
export type CreatedSecret = { value: string; secret: Secret; previous?: Secret };

/** The new secret's value, shown once. */
export function SecretReveal({ created, onDone }: { created: CreatedSecret; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="secret-reveal" aria-labelledby="secret-reveal-title" data-testid="secret-reveal">
      <h2 id="secret-reveal-title" ref={headingRef} tabIndex={-1}>
        Your new secret “{created.secret.label}”
      </h2>
      <Alert tone="warning" title="Copy it now. You will not see it again.">
        Store it in your app's environment (XWMS_CLIENT_SECRET). If you lose it, create a new secret and revoke this
        one.
      </Alert>
      <span className="copy-field">
        <code className="copy-field-value" data-testid="secret-value">
          {created.value}
        </code>
        <CopyButton value={created.value} label="Copy secret value" />
      </span>
      {created.secret.domains.length > 0 ? (
        <p className="fine-print">Linked to {created.secret.domains.map((d) => d.rootDomain).join(", ")}.</p>
      ) : (
        <p className="fine-print">Not linked to a domain yet; link it on a domain's page before using it.</p>
      )}
      {created.previous ? (
        <p className="fine-print" data-testid="rotation-grace">
          The old secret ({created.previous.prefix}…) keeps working until {formatDateTime(created.previous.expiresAt)}.
        </p>
      ) : null}
      <div>
        <Button variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
