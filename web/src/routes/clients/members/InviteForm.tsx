import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormError, Reason, SectionHead } from "../../../components/team/team-kit";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field } from "../../../components/ui/Field";
import { looksLikeEmail } from "../../../lib/errors";
import { dateInputToIso, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { MemberAccessFields, type RoleOption } from "./member-fields";

const InviteForm_Add = graphql(
  `
    mutation InviteForm_Add($input: InviteMemberInput!) {
      inviteMember(input: $input) {
        __typename
        ... on InviteMemberSuccess {
          data {
            email
            role {
              id
              name
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The same answer for every address: it never says whether the address has an account. */
export type Invitation = { email: string; role: { name: string } };

export function InviteForm({
  clientId,
  roles,
  myLevel,
  noManage,
  onInvited,
}: {
  clientId: string;
  roles: readonly RoleOption[];
  myLevel: number;
  noManage: string | null;
  onInvited: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation("team");
  const viewerRole = roles.find((role) => role.key === "viewer" && role.level <= myLevel);
  const form = useMutationForm(InviteForm_Add, (data) => data.inviteMember, t("invite.failed"), {
    fieldFor: (error) =>
      error.__typename === "ConflictError" ||
      (error.__typename === "NotFoundError" && /account|e-mail/i.test(error.message))
        ? "email"
        : null,
  });
  const { fetching } = form;
  const { values, setValues, text } = useFormValues(
    () => ({ email: "", roleId: viewerRole?.id ?? "", expiresAt: "" }),
    { errors: form.fieldErrors },
  );
  const { email, roleId, expiresAt: expires } = values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!looksLikeEmail(email.trim())) found.email = t("invite.emailMissing");
    if (!roleId) found.roleId = t("invite.roleMissing");
    if (expires && expires < todayInput()) found.expiresAt = t("invite.pastDate");
    if (form.reject(found)) return;
    const added = await form.run({
      input: { clientId, email: email.trim(), roleId, expiresAt: dateInputToIso(expires) },
    });
    if (!added) return;
    setValues((current) => ({ ...current, email: "", expiresAt: "" }));
    onInvited(added.data);
  }

  return (
    <Card aria-labelledby="invite-title">
      <SectionHead id="invite-title" title={t("invite.title")}>
        {t("invite.intro")}
      </SectionHead>
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset team-wide" disabled={!!noManage || fetching}>
          <div className="team-form">
            <Field label={t("invite.email")} {...text("email")} type="email" autoComplete="off" className="team-wide" />
            <MemberAccessFields
              roles={roles}
              myLevel={myLevel}
              role={text("roleId")}
              expires={text("expiresAt")}
              roleHint={t("invite.roleHint")}
              expiresHint={t("invite.expiresHint")}
              chooseRole
            />
          </div>
        </fieldset>
        <div className="team-form-actions">
          <Button type="submit" loading={fetching} disabled={!!noManage}>
            {t("invite.submit")}
          </Button>
          {noManage ? <Reason>{noManage}</Reason> : null}
        </div>
        <div className="team-wide">
          <FormError>{form.formError}</FormError>
        </div>
      </form>
    </Card>
  );
}
