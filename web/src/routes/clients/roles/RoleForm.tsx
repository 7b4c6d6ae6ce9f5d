import { type FormEvent, useState } from "react";
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
  const [keyTouched, setKeyTouched] = useState(!!role);
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? []);
  const fallback = "We couldn't save the role.";
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
    if (!name.trim()) found.name = "Enter a name for the role.";
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key)) found.key = "Use lowercase letters, digits and hyphens.";
    if (!Number.isInteger(levelNumber) || levelNumber < 0 || levelNumber > 100)
      found.level = "The level is between 0 and 100.";
    else if (levelNumber > myLevel) found.level = `The level cannot be above your own (${myLevel}).`;
    if (expires && expires < todayInput()) found.expiresAt = "Choose a date in the future, or leave it empty.";
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
      <SectionHead id={titleId} title={role ? `Edit ${role.name}` : "New role"}>
        {role?.builtIn ? "A built-in role keeps its key." : "Give the role only the permissions it needs."}
      </SectionHead>
      <form ref={form.formRef} className="stack" onSubmit={submit} noValidate aria-busy={sending || undefined}>
        <fieldset className="team-fieldset" disabled={sending}>
          <div className="team-form">
            <Field
              label="Name"
              {...text("name")}
              maxLength={100}
              onChange={(event) => {
                set("name", event.target.value);
                if (!keyTouched) set("key", slug(event.target.value));
              }}
            />
            <Field
              label="Key"
              {...text("key")}
              maxLength={50}
              disabled={role?.builtIn}
              onChange={(event) => {
                setKeyTouched(true);
                set("key", event.target.value);
              }}
              hint={
                role?.builtIn ? "The key of a built-in role cannot change." : "Lowercase letters, digits and hyphens."
              }
            />
            <TextAreaField
              label="Description (optional)"
              {...text("description")}
              rows={2}
              maxLength={500}
              className="team-wide"
            />
            <Field
              label="Level"
              {...text("level")}
              type="number"
              inputMode="numeric"
              min={0}
              max={myLevel}
              hint={`0 to ${myLevel} (your own level).`}
            />
            <Field
              label="Group (optional)"
              {...text("group")}
              maxLength={100}
              hint="For sorting roles, e.g. Support."
            />
            <Field label="Expires (optional)" {...text("expiresAt")} type="date" min={todayInput()} />
            <SelectField label="Status" {...text("status")}>
              <option value="ACTIVE">Active</option>
              <option value="DISABLED">Disabled (grants nothing)</option>
            </SelectField>
            <div className="team-wide">
              <CheckGroup legend="Permissions" error={errors.permissions}>
                {ALL_PERMISSIONS.map((permission) => {
                  const held = myPermissions.includes(permission);
                  const checked = permissions.includes(permission);
                  return (
                    <Check
                      key={permission}
                      name="permissions"
                      value={permission}
                      label={permissionLabel(permission)}
                      hint={held ? undefined : "You do not hold it"}
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
            {role ? "Save role" : "Create role"}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={sending}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
