import { type FormEvent, useId, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmMutationDialog } from "../../../components/ui/ConfirmMutationDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { Table } from "../../../components/ui/Table";
import { Toggle } from "../../../components/ui/Toggle";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { type DomainDetail, type DomainUrl, DomainUrlFields } from "./domain-fields";

const UrlsCard_AddUrl = graphql(
  `
    mutation UrlsCard_AddUrl($input: AddDomainUrlInput!) {
      addDomainUrl(input: $input) {
        __typename
        ... on AddDomainUrlSuccess {
          data {
            ...DomainUrlFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [DomainUrlFields, ErrorFields],
);

const UrlsCard_UpdateUrl = graphql(
  `
    mutation UrlsCard_UpdateUrl($input: UpdateDomainUrlInput!) {
      updateDomainUrl(input: $input) {
        __typename
        ... on UpdateDomainUrlSuccess {
          data {
            ...DomainUrlFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [DomainUrlFields, ErrorFields],
);

const UrlsCard_RemoveUrl = graphql(
  `
    mutation UrlsCard_RemoveUrl($input: RemoveDomainUrlInput!) {
      removeDomainUrl(input: $input) {
        __typename
        ... on RemoveDomainUrlSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function UrlsCard({
  domain,
  allowed,
  onChanged,
}: {
  domain: DomainDetail;
  allowed: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation("clients");
  const kindId = useId();
  const add = useMutationForm(UrlsCard_AddUrl, (data) => data.addDomainUrl, t("domains.urls.addFailed"), {
    fieldFor: (error) => (error.__typename === "ConflictError" ? "url" : null),
  });
  const update = useMutationAction(UrlsCard_UpdateUrl, (data) => data.updateDomainUrl, t("domains.urls.notSaved"));
  const [removing, setRemoving] = useState<DomainUrl | null>(null);

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const url = String(form.get("url") ?? "").trim();
    const kind = form.get("kind") === "WEBHOOK" ? "WEBHOOK" : "CALLBACK";
    if (!/^https?:\/\/\S+$/.test(url)) {
      add.reject({ url: t("domains.urls.invalid") });
      return;
    }
    if (!(await add.run({ input: { domainId: domain.id, kind, url } }))) return;
    formElement.reset();
    onChanged();
  }

  async function handleToggle(url: DomainUrl, active: boolean) {
    if (await update.run({ input: { domainUrlId: url.id, active } })) onChanged();
  }

  return (
    <Card aria-labelledby="urls-title">
      <h2 id="urls-title">{t("domains.urls.title")}</h2>
      <p className="muted">{t("domains.urls.intro")}</p>
      {update.error ? <Alert tone="error">{update.error}</Alert> : null}
      {domain.urls.length === 0 ? (
        <EmptyState title={t("domains.urls.emptyTitle")}>
          {t("domains.urls.emptyBody", { domain: domain.rootDomain })}
        </EmptyState>
      ) : (
        <Table
          caption={t("domains.urls.title")}
          columns={["URL", t("domains.urls.kind"), t("secrets.status.active")]}
          actions
        >
          {domain.urls.map((url) => (
            <tr key={url.id}>
              <td data-label="URL">
                <code className="url-cell">{url.url}</code>
              </td>
              <td data-label={t("domains.urls.kind")}>
                <Badge tone="neutral">{url.kind === "CALLBACK" ? "Callback" : "Webhook"}</Badge>
              </td>
              <td data-label={t("secrets.status.active")}>
                <Toggle
                  label={<span className="visually-hidden">{t("domains.urls.activeLabel", { url: url.url })}</span>}
                  checked={url.active}
                  disabled={!allowed || update.fetching}
                  onChange={(event) => handleToggle(url, event.target.checked)}
                />
              </td>
              <td className="table-actions">
                <Button variant="secondary" className="btn-sm" disabled={!allowed} onClick={() => setRemoving(url)}>
                  {t("domains.urls.remove")}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <form ref={add.formRef} className="form" onSubmit={handleAdd} noValidate aria-label={t("domains.urls.addLabel")}>
        {add.formError ? <Alert tone="error">{add.formError}</Alert> : null}
        <fieldset className="form-fieldset" disabled={add.fetching || !allowed}>
          <div className="inline-form">
            <div className="field url-kind">
              <label className="field-label" htmlFor={kindId}>
                {t("domains.urls.kind")}
              </label>
              <select id={kindId} name="kind" className="field-input" defaultValue="CALLBACK">
                <option value="CALLBACK">Callback</option>
                <option value="WEBHOOK">Webhook</option>
              </select>
            </div>
            <Field
              label="URL"
              name="url"
              type="url"
              placeholder="https://app.example.com/callback"
              autoCapitalize="none"
              spellCheck={false}
              error={add.fieldErrors.url}
            />
            <Button type="submit" variant="secondary" loading={add.fetching}>
              {t("domains.urls.add")}
            </Button>
          </div>
        </fieldset>
      </form>
      <ConfirmMutationDialog
        open={removing !== null}
        title={t("domains.urls.removeTitle")}
        confirmLabel={t("domains.urls.removeConfirm")}
        document={UrlsCard_RemoveUrl}
        variables={() => ({ input: { domainUrlId: removing?.id ?? "" } })}
        pick={(data) => data.removeDomainUrl}
        fallback={t("domains.urls.removeFailed")}
        onDone={onChanged}
        onClose={() => setRemoving(null)}
      >
        <p>
          <Trans
            t={t}
            i18nKey={removing?.kind === "WEBHOOK" ? "domains.urls.removeWebhookBody" : "domains.urls.removeBody"}
            values={{ url: removing?.url ?? "" }}
            components={{ code: <code /> }}
          />
        </p>
      </ConfirmMutationDialog>
    </Card>
  );
}
