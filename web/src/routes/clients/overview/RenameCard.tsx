import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { FormCard } from "../../../components/ui/FormCard";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { can, type DashboardClient, missingPermissionReason, useClientDashboard } from "../shared";

const RenameCard_RenameClient = graphql(
  `
    mutation RenameCard_RenameClient($input: RenameClientInput!) {
      renameClient(input: $input) {
        __typename
        ... on RenameClientSuccess {
          data {
            id
            name
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export function RenameCard({ client }: { client: DashboardClient }) {
  const { t } = useTranslation("clients");
  const { refreshClient } = useClientDashboard();
  const form = useMutationForm(RenameCard_RenameClient, (data) => data.renameClient, t("rename.failed"));
  const [saved, setSaved] = useState(false);
  const allowed = can(client, "CLIENT_UPDATE");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setSaved(false);
    if (form.reject(name ? {} : { name: t("rename.nameMissing") })) return;
    if (!(await form.run({ input: { clientId: client.id, name } }))) return;
    setSaved(true);
    refreshClient();
  }

  return (
    <FormCard
      id="rename-title"
      title={t("rename.title")}
      form={form}
      onSubmit={handleSubmit}
      reason={allowed ? null : missingPermissionReason("CLIENT_UPDATE")}
      notice={saved ? t("rename.saved") : null}
      disabled={!allowed}
    >
      <div className="inline-form">
        <Field
          label={t("rename.nameLabel")}
          name="name"
          defaultValue={client.name}
          key={client.name}
          maxLength={100}
          error={form.fieldErrors.name}
          required
        />
        <Button type="submit" variant="secondary" loading={form.fetching}>
          {t("rename.submit")}
        </Button>
      </div>
    </FormCard>
  );
}
