import { type FormEvent, useRef, useState } from "react";
import { useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { Table } from "../../../components/ui/Table";
import { describeError, focusFirstInvalid } from "../../../lib/errors";
import { SelectField, TextAreaField } from "../../account/account-fields";
import {
  ALL_PERMISSIONS,
  Check,
  CheckGroup,
  CLIENT_ACCESS_FIELDS,
  type ClientAccess,
  dateInputToIso,
  FormError,
  isoToDateInput,
  isPast,
  LoadFailed,
  lacking,
  Reason,
  SectionHead,
  todayInput,
} from "../members/team-kit";
import {
  ERROR_FIELDS,
  formatDate,
  type MutationError,
  type Permission,
  permissionLabel,
  splitMutationError,
} from "../shared";

type RoleStatus = "ACTIVE" | "DISABLED";
type Role = {
  id: string;
  name: string;
  key: string;
  description: string | null;
  level: number;
  group: string | null;
  permissions: Permission[];
  expiresAt: string | null;
  status: RoleStatus;
  builtIn: boolean;
};

const ROLE_FIELDS = `
  id
  name
  key
  description
  level
  group
  permissions
  expiresAt
  status
  builtIn
`;

const RolesPageRoles = gql<{ client: (ClientAccess & { roles: Role[] }) | null }, { id: string }>`
  query RolesPage_Roles($id: ID!) {
    client(id: $id) {
      ${CLIENT_ACCESS_FIELDS}
      roles {
        ${ROLE_FIELDS}
      }
    }
  }
`;

type RoleInput = {
  name: string;
  key: string;
  description: string | null;
  level: number;
  group: string | null;
  permissions: Permission[];
  expiresAt: string | null;
  status: RoleStatus;
};

const RolesPageCreate = gql<
  { createRole: { __typename: "CreateRoleSuccess"; data: Role } | MutationError },
  { input: RoleInput & { clientId: string } }
>`
  mutation RolesPage_Create($input: CreateRoleInput!) {
    createRole(input: $input) {
      __typename
      ... on CreateRoleSuccess {
        data {
          ${ROLE_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const RolesPageUpdate = gql<
  { updateRole: { __typename: "UpdateRoleSuccess"; data: Role } | MutationError },
  { input: Partial<RoleInput> & { roleId: string } }
>`
  mutation RolesPage_Update($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      __typename
      ... on UpdateRoleSuccess {
        data {
          ${ROLE_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const RolesPageDelete = gql<
  { deleteRole: { __typename: "DeleteRoleSuccess"; data: { id: string; name: string } } | MutationError },
  { input: { roleId: string } }
>`
  mutation RolesPage_Delete($input: DeleteRoleInput!) {
    deleteRole(input: $input) {
      __typename
      ... on DeleteRoleSuccess {
        data {
          id
          name
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const BUILT_IN_REASON = "Built-in roles cannot be deleted.";

/** Roles of the client: built-in ones and custom ones with every field. */
export function RolesPage() {
  const { clientId = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RolesPageRoles,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Role | "new" | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = data?.client;
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const noManage = lacking(client, "ROLES_MANAGE");
  const myLevel = client?.myRoleLevel ?? 0;
  const roles = client ? [...client.roles].sort((a, b) => b.level - a.level || a.name.localeCompare(b.name)) : [];

  return (
    <div className="stack">
      <title>Roles · Gatehouse</title>
      <Card aria-labelledby="roles-title">
        <SectionHead id="roles-title" title="Roles">
          A role is a level and a set of permissions. Nobody grants a level above their own, nor permissions they do not
          hold.
        </SectionHead>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed title="We couldn't load the roles" error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label="Loading roles…" />
        ) : !client ? (
          <Alert tone="error" title="Client not found">
            This client does not exist or you are no longer a member of it.
          </Alert>
        ) : roles.length === 0 ? (
          <EmptyState title="No roles yet">Create a role to give members exactly the permissions they need.</EmptyState>
        ) : (
          <Table caption="Roles of the client">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Level</th>
                <th scope="col">Permissions</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => {
                const above = role.level > myLevel ? `Its level (${role.level}) is above your own (${myLevel}).` : null;
                const editReason = noManage ?? above;
                const deleteReason = editReason ?? (role.builtIn ? BUILT_IN_REASON : null);
                return (
                  <tr key={role.id}>
                    <td data-label="Role">
                      <span className="team-cell">
                        <span className="team-cell-main">{role.name}</span>{" "}
                        {role.builtIn ? <Badge tone="info">Built-in</Badge> : null}
                        <span className="team-cell-sub">
                          <code className="team-code">{role.key}</code>
                          {role.group ? ` · ${role.group}` : ""}
                        </span>
                        {role.description ? <span className="team-cell-sub">{role.description}</span> : null}
                      </span>
                    </td>
                    <td data-label="Level">{role.level}</td>
                    <td data-label="Permissions">
                      {role.permissions.length === 0 ? (
                        <span className="muted">None</span>
                      ) : role.permissions.length === ALL_PERMISSIONS.length ? (
                        <span>All {ALL_PERMISSIONS.length}</span>
                      ) : (
                        <span className="team-tags">
                          {role.permissions.map((permission) => (
                            <Badge key={permission}>{permissionLabel(permission)}</Badge>
                          ))}
                        </span>
                      )}
                    </td>
                    <td data-label="Status">
                      <span className="team-cell">
                        {role.status === "DISABLED" ? (
                          <Badge tone="warning">Disabled</Badge>
                        ) : isPast(role.expiresAt) ? (
                          <Badge tone="danger">Expired</Badge>
                        ) : (
                          <Badge tone="success">Active</Badge>
                        )}
                        {role.expiresAt ? (
                          <span className="team-cell-sub">until {formatDate(role.expiresAt)}</span>
                        ) : null}
                      </span>
                    </td>
                    <td className="table-actions">
                      <span className="team-actions">
                        <Button
                          variant="secondary"
                          className="btn-sm"
                          disabled={!!editReason}
                          title={editReason ?? undefined}
                          aria-label={`Edit the ${role.name} role`}
                          onClick={() => setEditing(role)}
                        >
                          Edit
                        </Button>
                        <Button
                          variant="danger"
                          className="btn-sm"
                          disabled={!!deleteReason}
                          title={deleteReason ?? undefined}
                          aria-label={`Delete the ${role.name} role`}
                          onClick={() => setDeleting(role)}
                        >
                          Delete
                        </Button>
                      </span>
                      {editReason && !noManage ? <Reason>{editReason}</Reason> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {roles.some((role) => role.builtIn) ? (
          <p className="team-reason">Built-in roles can be edited but not deleted.</p>
        ) : null}
        {client ? (
          <div className="team-toolbar">
            <Button onClick={() => setEditing("new")} disabled={!!noManage || editing === "new"}>
              New role
            </Button>
            {noManage ? <Reason>{noManage}</Reason> : null}
          </div>
        ) : null}
      </Card>
      {client && editing ? (
        <RoleForm
          key={editing === "new" ? "new" : editing.id}
          clientId={client.id}
          role={editing === "new" ? null : editing}
          myLevel={myLevel}
          myPermissions={client.myPermissions}
          onCancel={() => setEditing(null)}
          onSaved={(role, created) => {
            setEditing(null);
            setNotice(created ? `The ${role.name} role was created.` : `The ${role.name} role was saved.`);
            refresh();
          }}
        />
      ) : null}
      <DeleteRoleDialog
        role={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(role) => {
          setDeleting(null);
          setNotice(`The ${role.name} role was deleted.`);
          refresh();
        }}
      />
    </div>
  );
}

function RoleForm({
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
  myPermissions: Permission[];
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createState, create] = useMutation(RolesPageCreate);
  const [updateState, update] = useMutation(RolesPageUpdate);
  const sending = createState.fetching || updateState.fetching;
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = role ? "role-form-edit" : "role-form-new";

  function slug(value: string) {
    return value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50);
  }

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
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
    const input: RoleInput = {
      name: name.trim(),
      key,
      description: description.trim() || null,
      level: levelNumber,
      group: group.trim() || null,
      permissions,
      expiresAt: dateInputToIso(expires),
      status,
    };
    const result = role
      ? await update({ input: { roleId: role.id, ...input, ...(role.builtIn ? { key: undefined } : {}) } })
      : await create({ input: { clientId, ...input } });
    const payload = result.data && ("createRole" in result.data ? result.data.createRole : result.data.updateRole);
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't save the role.");
    if (payload.__typename !== "CreateRoleSuccess" && payload.__typename !== "UpdateRoleSuccess") {
      if (payload.__typename === "ConflictError" && /key/i.test(payload.message)) setErrors({ key: payload.message });
      else {
        const split = splitMutationError(payload);
        setErrors(split.fields);
        setFormError(split.form);
      }
      return focusFirstInvalid(formRef.current);
    }
    onSaved(payload.data, !role);
  }

  return (
    <Card aria-labelledby={titleId}>
      <SectionHead id={titleId} title={role ? `Edit ${role.name}` : "New role"}>
        {role?.builtIn ? "A built-in role keeps its key." : "Give the role only the permissions it needs."}
      </SectionHead>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-busy={sending || undefined}>
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
        <FormError>{formError}</FormError>
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

function DeleteRoleDialog({
  role,
  onClose,
  onDeleted,
}: {
  role: Role | null;
  onClose: () => void;
  onDeleted: (role: Role) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, remove] = useMutation(RolesPageDelete);

  async function confirm() {
    if (!role) return;
    setError(null);
    const result = await remove({ input: { roleId: role.id } });
    const payload = result.data?.deleteRole;
    if (!payload) return setError(result.error ? describeError(result.error) : "We couldn't delete the role.");
    if (payload.__typename !== "DeleteRoleSuccess") return setError(payload.message);
    onDeleted(role);
  }

  return (
    <ConfirmDialog
      open={!!role}
      title={role ? `Delete the ${role.name} role?` : "Delete role?"}
      confirmLabel="Delete role"
      loading={fetching}
      error={error}
      onConfirm={confirm}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      <p>Members must have another role first. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
