import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { dateInputToIso, isoToDateInput, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { type Member, MemberAccessFields, MemberFields, type RoleOption } from "./member-fields";

const EditMemberDialog_Update = graphql(
  `
    mutation EditMemberDialog_Update($input: UpdateMemberInput!) {
      updateMember(input: $input) {
        __typename
        ... on UpdateMemberSuccess {
          data {
            ...MemberFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [MemberFields, ErrorFields],
);

export function EditMemberDialog({
  member,
  roles,
  myLevel,
  onClose,
  onSaved,
}: {
  member: Member;
  roles: readonly RoleOption[];
  myLevel: number;
  onClose: () => void;
  onSaved: (member: Member) => void;
}) {
  const { t } = useTranslation("team");
  const form = useMutationForm(EditMemberDialog_Update, (data) => data.updateMember, t("edit.failed"));
  const { values, text } = useFormValues(
    () => ({ roleId: member.role.id, expiresAt: isoToDateInput(member.expiresAt) }),
    { errors: form.fieldErrors },
  );
  const { roleId, expiresAt: expires } = values;

  async function save() {
    if (expires && expires < todayInput()) {
      form.reject({ expiresAt: t("invite.pastDate") });
      return;
    }
    const saved = await form.run({ input: { memberId: member.id, roleId, expiresAt: dateInputToIso(expires) } });
    if (saved) onSaved(saved.data);
  }

  return (
    <ConfirmDialog
      open
      title={t("edit.title", { name: member.user.name })}
      confirmLabel={t("edit.save")}
      tone="primary"
      loading={form.fetching}
      error={form.formError}
      onConfirm={save}
      onCancel={onClose}
    >
      <div className="team-dialog-fields">
        <MemberAccessFields
          roles={roles}
          myLevel={myLevel}
          role={text("roleId")}
          expires={text("expiresAt")}
          expiresHint={t("edit.expiresHint")}
        />
      </div>
    </ConfirmDialog>
  );
}
