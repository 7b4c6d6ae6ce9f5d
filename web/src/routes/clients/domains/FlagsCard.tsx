import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Card } from "../../../components/ui/Card";
import { Toggle } from "../../../components/ui/Toggle";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type DomainDetail, DomainPage_UpdateDomain } from "./domain-fields";

const FLAGS: { key: "allowLogin" | "allowApi" | "active" | "primary" | "testMode"; label: string; hint: string }[] = [
  { key: "allowLogin", label: "Allow login", hint: "People can sign in through the hosted pages for this domain." },
  { key: "allowApi", label: "Allow API", hint: "Your server may call the partner API with this domain ID." },
  { key: "active", label: "Active", hint: "An inactive domain refuses logins and API calls." },
  { key: "primary", label: "Primary", hint: "At most one per client; shown on the login page." },
  { key: "testMode", label: "Test mode", hint: "Only the client's test users can sign in." },
];

export function FlagsCard({ domain, allowed }: { domain: DomainDetail; allowed: boolean }) {
  const update = useMutationAction(
    DomainPage_UpdateDomain,
    (data) => data.updateDomain,
    "We couldn't save that change.",
  );
  const [pending, setPending] = useState<string | null>(null);

  async function toggle(key: (typeof FLAGS)[number]["key"], value: boolean) {
    setPending(key);
    await update.run({ input: { domainId: domain.id, [key]: value } });
    setPending(null);
  }

  return (
    <Card aria-labelledby="flags-title">
      <h2 id="flags-title">Access</h2>
      {update.error ? <Alert tone="error">{update.error}</Alert> : null}
      <div className="toggle-grid" aria-busy={update.fetching || undefined}>
        {FLAGS.map((flag) => (
          <Toggle
            key={flag.key}
            name={flag.key}
            label={pending === flag.key ? `${flag.label} (saving…)` : flag.label}
            hint={flag.hint}
            checked={domain[flag.key]}
            disabled={!allowed || update.fetching || (flag.key === "primary" && domain.primary)}
            onChange={(event) => toggle(flag.key, event.target.checked)}
          />
        ))}
      </div>
    </Card>
  );
}
