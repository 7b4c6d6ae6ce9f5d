import { useTranslation } from "react-i18next";
import { Field, SelectField } from "../../../components/ui/Field";
import { todayInput } from "../../../lib/format";
import { type FragmentOf, graphql } from "../../../lib/graphql";

export const RoleOptionFields = graphql(`
  fragment RoleOptionFields on Role {
    id
    name
    key
    level
    status
  }
`);

export const MemberFields = graphql(
  `
    fragment MemberFields on Member {
      id
      createdAt
      expiresAt
      role {
        ...RoleOptionFields
      }
      user {
        name
        email
      }
    }
  `,
  [RoleOptionFields],
);

export type RoleOption = FragmentOf<typeof RoleOptionFields>;
export type Member = FragmentOf<typeof MemberFields>;

/** The roles a member may be given, highest first; those above the viewer's level or disabled are greyed out. */
export function RoleOptions({ roles, myLevel }: { roles: readonly RoleOption[]; myLevel: number }) {
  const { t } = useTranslation("team");
  return (
    <>
      {[...roles]
        .sort((a, b) => b.level - a.level)
        .map((role) => {
          const blocked =
            role.level > myLevel ? t("roleOption.above") : role.status === "DISABLED" ? t("roleOption.disabled") : null;
          const option = t("roleOption.option", { name: role.name, level: role.level });
          return (
            <option key={role.id} value={role.id} disabled={!!blocked}>
              {blocked ? `${option} — ${blocked}` : option}
            </option>
          );
        })}
    </>
  );
}

/** What useFormValues' `text()` answers for one input. */
type Bound = { name: string; value: string; onChange: (event: { target: { value: string } }) => void; error?: string };

/** The role and expiry inputs that inviting and changing a member share; bind them with useFormValues. */
export function MemberAccessFields({
  roles,
  myLevel,
  role,
  expires,
  roleHint,
  expiresHint,
  chooseRole = false,
}: {
  roles: readonly RoleOption[];
  myLevel: number;
  role: Bound;
  expires: Bound;
  roleHint?: string;
  expiresHint: string;
  /** Offer an empty "Choose a role…" first, for a new member. */
  chooseRole?: boolean;
}) {
  const { t } = useTranslation("team");
  return (
    <>
      <SelectField label={t("members.role")} {...role} hint={roleHint}>
        {chooseRole ? <option value="">{t("roleOption.choose")}</option> : null}
        <RoleOptions roles={roles} myLevel={myLevel} />
      </SelectField>
      <Field label={t("members.accessExpires")} {...expires} type="date" min={todayInput()} hint={expiresHint} />
    </>
  );
}
