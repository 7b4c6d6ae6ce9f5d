import { type FormEvent, useState } from "react";
import { Check, CheckGroup, FormError, SectionHead } from "../../../components/team/team-kit";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Field, SelectField, TextAreaField } from "../../../components/ui/Field";
import { dateInputToIso, isoToDateInput, todayInput } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import type { PayloadError } from "../../../lib/mutation";
import { ALL_PERMISSIONS, type Permission, permissionLabel } from "../../../lib/permissions";
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
  const [name, setName] = useState(role?.name ?? "");
  const [key, setKey] = useState(role?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(!!role);
  const [description, setDescription] = useState(role?.description ?? "");
  const [level, setLevel] = useState(String(role?.level ?? Math.min(20, myLevel)));
  const [group, setGroup] = useState(role?.group ?? "");
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? []);
  const [expires, setExpires] = useState(isoToDateInput(role?.expiresAt));
  const [status, setStatus] = useState<RoleStatus>(role?.status ?? "ACTIVE");
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
              name="name"
              value={name}
              maxLength={100}
              onChange={(event) => {
                setName(event.target.value);
                if (!keyTouched) setKey(slug(event.target.value));
              }}
              error={errors.name}
            />
            <Field
              label="Key"
              name="key"
              value={key}
              maxLength={50}
              disabled={role?.builtIn}
              onChange={(event) => {
                setKeyTouched(true);
                setKey(event.target.value);
              }}
              error={errors.key}
              hint={
                role?.builtIn ? "The key of a built-in role cannot change." : "Lowercase letters, digits and hyphens."
              }
            />
            <TextAreaField
              label="Description (optional)"
              name="description"
              rows={2}
              maxLength={500}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={errors.description}
              className="team-wide"
            />
            <Field
              label="Level"
              name="level"
              type="number"
              inputMode="numeric"
              min={0}
              max={myLevel}
              value={level}
              onChange={(event) => setLevel(event.target.value)}
              error={errors.level}
              hint={`0 to ${myLevel} (your own level).`}
            />
            <Field
              label="Group (optional)"
              name="group"
              value={group}
              maxLength={100}
              onChange={(event) => setGroup(event.target.value)}
              error={errors.group}
              hint="For sorting roles, e.g. Support."
            />
            <Field
              label="Expires (optional)"
              name="expiresAt"
              type="date"
              min={todayInput()}
              value={expires}
              onChange={(event) => setExpires(event.target.value)}
              error={errors.expiresAt}
            />
            <SelectField
              label="Status"
              name="status"
              value={status}
              onChange={(event) => setStatus(event.target.value as RoleStatus)}
              error={errors.status}
            >
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
