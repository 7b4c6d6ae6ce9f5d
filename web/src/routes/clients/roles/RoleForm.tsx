import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Check, CheckGroup, FormError, SectionHead } from "../../../components/team/team-kit";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field, SelectField, TextAreaField } from "../../../components/ui/Field";
import { dateInputToIso, isoToDateInput, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { PayloadError } from "../../../lib/mutation";
import { ALL_PERMISSIONS, type Permission, permissionLabel } from "../../../lib/permissions";
import { useFormValues } from "../../../lib/use-form-values";
import { useMutationForm } from "../../../lib/use-mutation-form";
import { type Role, RoleFields, slug } from "./role-fields";

const RoleForm_Create = graphql(
  `
    mutation RoleForm_Create($input: CreateRoleInput!) {
      createRole(input: $input) {
        __typename
        ... on CreateRoleSuccess {
          data {
            ...RoleFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [RoleFields, ErrorFields],
);

const RoleForm_Update = graphql(
  `
    mutation RoleForm_Update($input: UpdateRoleInput!) {
      updateRole(input: $input) {
        __typename
        ... on UpdateRoleSuccess {
          data {
            ...RoleFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [RoleFields, ErrorFields],
);

type RoleStatus = Role["status"];

export function RoleForm({
  clientId,
  role,
  myLevel,
  myPermissions,
  onCancel,
  onSaved,
}: {
  clientId: string;
  role: Role | null;
  myLevel: number;
  myPermissions: readonly Permission[];
  onCancel: () => void;
  onSaved: (role: Role, created: boolean) => void;
}) {
  const { t } = useTranslation(["team", "common"]);
  const [keyTouched, setKeyTouched] = useState(!!role);
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? []);
  const fallback = t("roleForm.failed");
  const options = {
    fieldFor: (error: PayloadError) =>
      error.__typename === "ConflictError" && /key/i.test(error.message) ? "key" : null,
  };
  const createForm = useMutationForm(RoleForm_Create, (data) => data.createRole, fallback, options);
  const updateForm = useMutationForm(RoleForm_Update, (data) => data.updateRole, fallback, options);
  // The form is keyed by the role, so it either creates or updates for its whole life.
  const form = role ? updateForm : createForm;
  const errors = form.fieldErrors;
  const { values, set, text } = useFormValues<{
    name: string;
    key: string;
    description: string;
    level: string;
    group: string;
    expiresAt: string;
    status: RoleStatus;
  }>(
    () => ({
      name: role?.name ?? "",
      key: role?.key ?? "",
      description: role?.description ?? "",
      level: String(role?.level ?? Math.min(20, myLevel)),
      group: role?.group ?? "",
      expiresAt: isoToDateInput(role?.expiresAt),
      status: role?.status ?? "ACTIVE",
    }),
    { errors },
  );
  const { name, key, description, level, group, expiresAt: expires, status } = values;
  const sending = form.fetching;
  const titleId = role ? "role-form-edit" : "role-form-new";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const levelNumber = Number(level);
    if (!name.trim()) found.name = t("roleForm.nameMissing");
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key)) found.key = t("roleForm.keyInvalid");
    if (!Number.isInteger(levelNumber) || levelNumber < 0 || levelNumber > 100) found.level = t("roleForm.levelRange");
    else if (levelNumber > myLevel) found.level = t("roleForm.levelAbove", { level: myLevel });
    if (expires && expires < todayInput()) found.expiresAt = t("invite.pastDate");
    if (form.reject(found)) return;
    const input = {
      name: name.trim(),
      key,
      description: description.trim() || null,
      level: levelNumber,
      group: group.trim() || null,
      permissions,
      expiresAt: dateInputToIso(expires),
      status,
    };
    const saved = role
      ? await updateForm.run({ input: { roleId: role.id, ...input, ...(role.builtIn ? { key: undefined } : {}) } })
      : await createForm.run({ input: { clientId, ...input } });
    if (saved) onSaved(saved.data, !role);
  }

  return (
    <Card aria-labelledby={titleId}>
      <SectionHead id={titleId} title={role ? t("roleForm.editTitle", { name: role.name }) : t("roles.new")}>
        {role?.builtIn ? t("roleForm.builtInIntro") : t("roleForm.intro")}
      </SectionHead>
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={sending || undefined}>
        <fieldset className="team-fieldset" disabled={sending}>
          <div className="team-form">
            <Field
              label={t("members.name")}
              {...text("name")}
              maxLength={100}
              onChange={(event) => {
                set("name", event.target.value);
                if (!keyTouched) set("key", slug(event.target.value));
              }}
            />
            <Field
              label={t("roleForm.key")}
              {...text("key")}
              maxLength={50}
              disabled={role?.builtIn}
              onChange={(event) => {
                setKeyTouched(true);
                set("key", event.target.value);
              }}
              hint={role?.builtIn ? t("roleForm.keyFixed") : t("roleForm.keyHint")}
            />
            <TextAreaField
              label={t("roleForm.description")}
              {...text("description")}
              rows={2}
              maxLength={500}
              className="team-wide"
            />
            <Field
              label={t("roles.level")}
              {...text("level")}
              type="number"
              inputMode="numeric"
              min={0}
              max={myLevel}
              hint={t("roleForm.levelHint", { level: myLevel })}
            />
            <Field label={t("roleForm.group")} {...text("group")} maxLength={100} hint={t("roleForm.groupHint")} />
            <Field label={t("roleForm.expires")} {...text("expiresAt")} type="date" min={todayInput()} />
            <SelectField label={t("roles.status")} {...text("status")}>
              <option value="ACTIVE">{t("roles.active")}</option>
              <option value="DISABLED">{t("roleForm.disabledOption")}</option>
            </SelectField>
            <div className="team-wide">
              <CheckGroup legend={t("roles.permissions")} error={errors.permissions}>
                {ALL_PERMISSIONS.map((permission) => {
                  const held = myPermissions.includes(permission);
                  const checked = permissions.includes(permission);
                  return (
                    <Check
                      key={permission}
                      name="permissions"
                      value={permission}
                      label={permissionLabel(permission)}
                      hint={held ? undefined : t("roleForm.notHeld")}
                      checked={checked}
                      disabled={!held && !checked}
                      onChange={(event) =>
                        setPermissions((current) =>
                          event.target.checked ? [...current, permission] : current.filter((p) => p !== permission),
                        )
                      }
                    />
                  );
                })}
              </CheckGroup>
            </div>
          </div>
        </fieldset>
        <FormError>{form.formError}</FormError>
        <div className="team-form-actions">
          <Button type="submit" loading={sending}>
            {role ? t("roleForm.save") : t("roleForm.create")}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={sending}>
            {t("common:actions.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
