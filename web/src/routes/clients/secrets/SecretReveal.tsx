import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { CopyButton } from "../../../components/ui/CopyButton";
import { formatDateTime } from "../../../lib/format";
import type { Secret } from "./secret-fields";

/** A new secret's value; `previous` is the secret it replaced when it came from a rotation. */
export type CreatedSecret = { value: string; secret: Secret; previous?: Secret };

/** The new secret's value, shown once. */
export function SecretReveal({ created, onDone }: { created: CreatedSecret; onDone: () => void }) {
  const { t } = useTranslation("clients");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="secret-reveal" aria-labelledby="secret-reveal-title" data-testid="secret-reveal">
      <h2 id="secret-reveal-title" ref={headingRef} tabIndex={-1}>
        {t("secrets.reveal.title", { label: created.secret.label })}
      </h2>
      <Alert tone="warning" title={t("secrets.reveal.copyNow")}>
        {t("secrets.reveal.store")}
      </Alert>
      <span className="copy-field">
        <code className="copy-field-value" data-testid="secret-value">
          {created.value}
        </code>
        <CopyButton value={created.value} label={t("secrets.reveal.copy")} />
      </span>
      {created.secret.domains.length > 0 ? (
        <p className="fine-print">
          {t("secrets.reveal.linked", { domains: created.secret.domains.map((d) => d.rootDomain).join(", ") })}
        </p>
      ) : (
        <p className="fine-print">{t("secrets.reveal.unlinked")}</p>
      )}
      {created.previous ? (
        <p className="fine-print" data-testid="rotation-grace">
          {t("secrets.reveal.grace", {
            prefix: created.previous.prefix,
            until: formatDateTime(created.previous.expiresAt),
          })}
        </p>
      ) : null}
      <div>
        <Button variant="secondary" onClick={onDone}>
          {t("secrets.reveal.done")}
        </Button>
      </div>
    </section>
  );
}
