import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Card } from "../../../components/ui/Card";
import { Toggle } from "../../../components/ui/Toggle";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type DomainDetail, DomainPage_UpdateDomain } from "./domain-fields";

const FLAGS = ["allowLogin", "allowApi", "active", "primary", "testMode"] as const;

export function FlagsCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const { t } = useTranslation("clients");
  const update = useMutationAction(DomainPage_UpdateDomain, (data) => data.updateDomain, t("domains.flags.failed"));
  const [pending, setPending] = useState<string | null>(null);

  async function toggle(key: (typeof FLAGS)[number], value: boolean) {
    setPending(key);
    await update.run({ input: { domainId: domain.id, [key]: value } });
    setPending(null);
  }

  return (
    <Card aria-labelledby="flags-title">
      <h2 id="flags-title">{t("domains.flags.title")}</h2>
      {update.error ? <Alert tone="error">{update.error}</Alert> : null}
      <div className="toggle-grid" aria-busy={update.fetching || undefined}>
        {FLAGS.map((flag) => {
          const label = t(`domains.flags.${flag}.label`);
          return (
            <Toggle
              key={flag}
              name={flag}
              label={pending === flag ? t("domains.flags.saving", { label }) : label}
              hint={t(`domains.flags.${flag}.hint`)}
              checked={domain[flag]}
              disabled={!allowed || update.fetching || (flag === "primary" && domain.primary)}
              onChange={(event) => toggle(flag, event.target.checked)}
            />
          );
        })}
      </div>
    </Card>
  );
}
