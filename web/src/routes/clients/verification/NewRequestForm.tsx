import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Check, CheckGroup, FormError, Reason, SectionHead } from "../../../components/team/team-kit";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { TextAreaField } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { VerificationRequestFields } from "./verification-fields";

const NewRequestForm_Request = graphql(
  `
    mutation NewRequestForm_Request($input: RequestVerificationInput!) {
      requestVerification(input: $input) {
        __typename
        ... on RequestVerificationSuccess {
          data {
            ...VerificationRequestFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [VerificationRequestFields, ErrorFields],
);

export function NewRequestForm({
  clientId,
  noManage,
  domains,
  scopes,
  pending,
  onSent,
}: {
  clientId: string;
  /** Why the viewer may not file requests, or null when they may. */
  noManage: string | null;
  domains: readonly { id: string; rootDomain: string; primary: boolean }[];
  scopes: readonly { key: string; description: string }[];
  pending: boolean;
  onSent: () => void;
}) {
  const { t } = useTranslation("clients");
  const reason =
    noManage ??
    (pending ? t("verification.form.pending") : null) ??
    (domains.length === 0 ? t("verification.form.noDomains") : null);
  const [domainIds, setDomainIds] = useState<string[]>(() => domains.filter((d) => d.primary).map((d) => d.id));
  const [scopeKeys, setScopeKeys] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const form = useMutationForm(
    NewRequestForm_Request,
    (data) => data.requestVerification,
    t("verification.form.failed"),
  );
  const { fetching, fieldErrors: errors } = form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (domainIds.length === 0) found.domainIds = t("verification.form.domainMissing");
    if (notes.length > 2000) found.notes = t("verification.form.notesTooLong");
    if (form.reject(found)) return;
    if (!(await form.run({ input: { clientId, domainIds, scopeKeys, notes: notes.trim() || null } }))) return;
    setNotes("");
    setScopeKeys([]);
    onSent();
  }

  return (
    <Card aria-labelledby="new-verification-title">
      <SectionHead id="new-verification-title" title={t("verification.form.title")} />
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset" disabled={!!reason || fetching}>
          <div className="stack">
            <CheckGroup legend={t("verification.form.domains")} error={errors.domainIds}>
              {domains.map((domain) => (
                <Check
                  key={domain.id}
                  name="domainIds"
                  value={domain.id}
                  label={domain.rootDomain}
                  hint={domain.primary ? t("domains.flags.primaryDomain") : undefined}
                  checked={domainIds.includes(domain.id)}
                  onChange={(event) =>
                    setDomainIds((current) =>
                      event.target.checked ? [...current, domain.id] : current.filter((id) => id !== domain.id),
                    )
                  }
                />
              ))}
            </CheckGroup>
            <CheckGroup
              legend={t("verification.form.scopes")}
              error={errors.scopeKeys}
              hint={t("verification.form.scopesHint")}
            >
              {scopes.map((scope) => (
                <Check
                  key={scope.key}
                  name="scopeKeys"
                  value={scope.key}
                  label={scope.description}
                  hint={<code>{scope.key}</code>}
                  checked={scopeKeys.includes(scope.key)}
                  onChange={(event) =>
                    setScopeKeys((current) =>
                      event.target.checked ? [...current, scope.key] : current.filter((k) => k !== scope.key),
                    )
                  }
                />
              ))}
            </CheckGroup>
            <TextAreaField
              label={t("verification.form.notes")}
              name="notes"
              rows={3}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              error={errors.notes}
            />
          </div>
        </fieldset>
        <FormError>{form.formError}</FormError>
        <div className="team-form-actions">
          <Button type="submit" loading={fetching} disabled={!!reason}>
            {t("scopes.requestVerification")}
          </Button>
          {reason ? <Reason>{reason}</Reason> : null}
        </div>
      </form>
    </Card>
  );
}
