import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { can, missingPermissionReason, useClientDashboard } from "../shared";

const BackchannelLogoutForm_Set = graphql(
  `
    mutation BackchannelLogoutForm_Set($input: SetClientBackchannelLogoutUriInput!) {
      setClientBackchannelLogoutUri(input: $input) {
        __typename
        ... on SetClientBackchannelLogoutUriSuccess {
          data {
            id
            backchannelLogoutUri
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** Where Gatehouse posts a signed logout token when a person signs out (OpenID Connect back-channel logout). */
export function BackchannelLogoutForm({ clientId, uri }: { clientId: string; uri: string | null }) {
  const { t } = useTranslation("clients");
  const { client } = useClientDashboard();
  const allowed = can(client, "CLIENT_UPDATE");
  const [value, setValue] = useState(uri ?? "");
  const [notice, setNotice] = useState<string | null>(null);
  const form = useMutationForm(
    BackchannelLogoutForm_Set,
    (data) => data.setClientBackchannelLogoutUri,
    t("backchannel.failed"),
  );

  async function save(next: string | null) {
    setNotice(null);
    const saved = await form.run({ input: { clientId, uri: next } });
    if (!saved) return;
    setValue(saved.data.backchannelLogoutUri ?? "");
    setNotice(saved.data.backchannelLogoutUri ? t("backchannel.saved") : t("backchannel.cleared"));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(value.trim() || null);
  }

  return (
    <form ref={form.formRef} className="stack-sm" onSubmit={submit} noValidate aria-busy={form.fetching || undefined}>
      <Field
        label={t("backchannel.label")}
        name="uri"
        type="url"
        placeholder="https://app.example.com/backchannel-logout"
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        disabled={!allowed || form.fetching}
        error={form.fieldErrors.uri}
        hint={`${t("backchannel.hint")}${allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`}`}
      />
      {form.formError ? (
        <p className="field-error" role="alert">
          {form.formError}
        </p>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {allowed ? (
        <div className="form-actions">
          <Button type="submit" variant="secondary" loading={form.fetching}>
            {t("backchannel.save")}
          </Button>
          {uri || value ? (
            <Button variant="link" disabled={form.fetching} onClick={() => void save(null)}>
              {t("backchannel.clear")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
