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
import { describeError, focusFirstInvalid, looksLikeEmail } from "../../../lib/errors";
import { SelectField } from "../../account/account-fields";
import { ERROR_FIELDS, formatDate, type MutationError, splitMutationError } from "../shared";
import {
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
} from "./team-kit";

type RoleOption = { id: string; name: string; key: string; level: number; status: "ACTIVE" | "DISABLED" };
type Member = {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  role: RoleOption;
  user: { name: string; email: string };
};

const MEMBER_FIELDS = `
  id
  createdAt
  expiresAt
  role {
    id
    name
    key
    level
    status
  }
  user {
    name
    email
  }
`;

const MembersPageMembers = gql<
  { client: (ClientAccess & { members: Member[]; roles: RoleOption[] }) | null },
  { id: string }
>`
  query MembersPage_Members($id: ID!) {
    client(id: $id) {
      ${CLIENT_ACCESS_FIELDS}
      members {
        ${MEMBER_FIELDS}
      }
      roles {
        id
        name
        key
        level
        status
      }
    }
  }
`;

const MembersPageAdd = gql<
  { addMember: { __typename: "AddMemberSuccess"; data: Member } | MutationError },
  { input: { clientId: string; email: string; roleId: string; expiresAt: string | null } }
>`
  mutation MembersPage_Add($input: AddMemberInput!) {
    addMember(input: $input) {
      __typename
      ... on AddMemberSuccess {
        data {
          ${MEMBER_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const MembersPageUpdate = gql<
  { updateMember: { __typename: "UpdateMemberSuccess"; data: Member } | MutationError },
  { input: { memberId: string; roleId: string; expiresAt: string | null } }
>`
  mutation MembersPage_Update($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on UpdateMemberSuccess {
        data {
          ${MEMBER_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

const MembersPageRemove = gql<
  { removeMember: { __typename: "RemoveMemberSuccess"; data: { id: string; email: string } } | MutationError },
  { input: { memberId: string } }
>`
  mutation MembersPage_Remove($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ... on RemoveMemberSuccess {
        data {
          id
          email
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

/** Members of the client: invite by e-mail, change role and expiry, remove. */
export function MembersPage() {
  const { clientId = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MembersPageMembers,
    variables: { id: clientId },
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = data?.client;
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const noManage = lacking(client, "MEMBERS_MANAGE");
  const myLevel = client?.myRoleLevel ?? 0;

  return (
    <div className="stack">
      <title>Members · Gatehouse</title>
      <Card aria-labelledby="members-title">
        <SectionHead id="members-title" title="Members">
          People who can work on this client, and the role each one has.
        </SectionHead>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error && !data ? (
          <LoadFailed title="We couldn't load the members" error={error} onRetry={refresh} />
        ) : fetching && !data ? (
          <StatusBlock label="Loading members…" />
        ) : !client ? (
          <Alert tone="error" title="Client not found">
            This client does not exist or you are no longer a member of it.
          </Alert>
        ) : client.members.length === 0 ? (
          <EmptyState title="No members yet">Invite someone below to work on this client with you.</EmptyState>
        ) : (
          <Table caption="Members of the client">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {client.members.map((member) => {
                const above = member.role.level > myLevel;
                const reason = noManage ?? (above ? "Their role is above your own level." : null);
                return (
                  <tr key={member.id}>
                    <td data-label="Name">
                      <span className="team-cell">
                        <span className="team-cell-main">{member.user.name}</span>
                        <span className="team-cell-sub">{member.user.email}</span>
                      </span>
                    </td>
                    <td data-label="Role">
                      <Badge tone={member.role.key === "owner" ? "info" : "neutral"}>{member.role.name}</Badge>
                    </td>
                    <td data-label="Expires">
                      {member.expiresAt ? (
                        <>
                          {formatDate(member.expiresAt)}{" "}
                          {isPast(member.expiresAt) ? <Badge tone="danger">Expired</Badge> : null}
                        </>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                    <td className="table-actions">
                      <span className="team-actions">
                        <Button
                          variant="secondary"
                          className="btn-sm"
                          disabled={!!reason}
                          title={reason ?? undefined}
                          aria-label={`Change the role of ${member.user.name}`}
                          onClick={() => setEditing(member)}
                        >
                          Change
                        </Button>
                        <Button
                          variant="danger"
                          className="btn-sm"
                          disabled={!!reason}
                          title={reason ?? undefined}
                          aria-label={`Remove ${member.user.name}`}
                          onClick={() => setRemoving(member)}
                        >
                          Remove
                        </Button>
                      </span>
                      {reason && !noManage ? <Reason>{reason}</Reason> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {noManage && client ? <Reason>{noManage}</Reason> : null}
      </Card>
      {client ? (
        <InviteForm
          client={client}
          onInvited={(member) => {
            setNotice(`${member.user.name} is now a member with the ${member.role.name} role.`);
            refresh();
          }}
        />
      ) : null}
      {client && editing ? (
        <EditMemberDialog
          member={editing}
          roles={client.roles}
          myLevel={myLevel}
          onClose={() => setEditing(null)}
          onSaved={(member) => {
            setEditing(null);
            setNotice(`${member.user.name} now has the ${member.role.name} role.`);
            refresh();
          }}
        />
      ) : null}
      <RemoveMemberDialog
        member={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(member) => {
          setRemoving(null);
          setNotice(`${member.user.name} is no longer a member.`);
          refresh();
        }}
      />
    </div>
  );
}

function RoleOptions({ roles, myLevel }: { roles: RoleOption[]; myLevel: number }) {
  return (
    <>
      {[...roles]
        .sort((a, b) => b.level - a.level)
        .map((role) => {
          const blocked = role.level > myLevel ? "above your level" : role.status === "DISABLED" ? "disabled" : null;
          return (
            <option key={role.id} value={role.id} disabled={!!blocked}>
              {role.name} (level {role.level}){blocked ? ` — ${blocked}` : ""}
            </option>
          );
        })}
    </>
  );
}

function InviteForm({
  client,
  onInvited,
}: {
  client: ClientAccess & { roles: RoleOption[] };
  onInvited: (m: Member) => void;
}) {
  const noManage = lacking(client, "MEMBERS_MANAGE");
  const myLevel = client.myRoleLevel ?? 0;
  const viewerRole = client.roles.find((role) => role.key === "viewer" && role.level <= myLevel);
  const [email, setEmail] = useState("");
  const [roleId, setRoleId] = useState(viewerRole?.id ?? "");
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, addMember] = useMutation(MembersPageAdd);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!looksLikeEmail(email.trim())) found.email = "Enter the e-mail address of their Gatehouse account.";
    if (!roleId) found.roleId = "Choose a role.";
    if (expires && expires < todayInput()) found.expiresAt = "Choose a date in the future, or leave it empty.";
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
    const result = await addMember({
      input: { clientId: client.id, email: email.trim(), roleId, expiresAt: dateInputToIso(expires) },
    });
    const payload = result.data?.addMember;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't add the member.");
    if (payload.__typename !== "AddMemberSuccess") {
      const split = splitMutationError(payload);
      if (payload.__typename === "NotFoundError" && /account|e-mail/i.test(payload.message)) {
        setErrors({ email: payload.message });
      } else if (payload.__typename === "ConflictError") {
        setErrors({ email: payload.message });
      } else {
        setErrors(split.fields);
        setFormError(split.form);
      }
      return focusFirstInvalid(formRef.current);
    }
    setEmail("");
    setExpires("");
    onInvited(payload.data);
  }

  return (
    <Card aria-labelledby="invite-title">
      <SectionHead id="invite-title" title="Invite a member">
        They need a Gatehouse account; they get access at once.
      </SectionHead>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-busy={fetching || undefined}>
        <fieldset className="team-fieldset team-wide" disabled={!!noManage || fetching}>
          <div className="team-form">
            <Field
              label="E-mail address"
              name="email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={errors.email}
              className="team-wide"
            />
            <SelectField
              label="Role"
              name="roleId"
              value={roleId}
              onChange={(event) => setRoleId(event.target.value)}
              error={errors.roleId}
              hint="You can give roles up to your own level."
            >
              <option value="">Choose a role…</option>
              <RoleOptions roles={client.roles} myLevel={myLevel} />
            </SelectField>
            <Field
              label="Access expires (optional)"
              name="expiresAt"
              type="date"
              min={todayInput()}
              value={expires}
              onChange={(event) => setExpires(event.target.value)}
              error={errors.expiresAt}
              hint="Leave empty for access without an end date."
            />
          </div>
        </fieldset>
        <div className="team-form-actions">
          <Button type="submit" loading={fetching} disabled={!!noManage}>
            Invite member
          </Button>
          {noManage ? <Reason>{noManage}</Reason> : null}
        </div>
        <div className="team-wide">
          <FormError>{formError}</FormError>
        </div>
      </form>
    </Card>
  );
}

function EditMemberDialog({
  member,
  roles,
  myLevel,
  onClose,
  onSaved,
}: {
  member: Member;
  roles: RoleOption[];
  myLevel: number;
  onClose: () => void;
  onSaved: (member: Member) => void;
}) {
  const [roleId, setRoleId] = useState(member.role.id);
  const [expires, setExpires] = useState(isoToDateInput(member.expiresAt));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(MembersPageUpdate);

  async function save() {
    if (expires && expires < todayInput()) {
      setErrors({ expiresAt: "Choose a date in the future, or leave it empty." });
      return;
    }
    setErrors({});
    setFormError(null);
    const result = await update({ input: { memberId: member.id, roleId, expiresAt: dateInputToIso(expires) } });
    const payload = result.data?.updateMember;
    if (!payload) return setFormError(result.error ? describeError(result.error) : "We couldn't save the change.");
    if (payload.__typename !== "UpdateMemberSuccess") {
      const split = splitMutationError(payload);
      setErrors(split.fields);
      return setFormError(split.form ?? Object.values(split.fields)[0] ?? null);
    }
    onSaved(payload.data);
  }

  return (
    <ConfirmDialog
      open
      title={`Change ${member.user.name}`}
      confirmLabel="Save changes"
      tone="primary"
      loading={fetching}
      error={formError}
      onConfirm={save}
      onCancel={onClose}
    >
      <div className="team-dialog-fields">
        <SelectField
          label="Role"
          name="roleId"
          value={roleId}
          onChange={(event) => setRoleId(event.target.value)}
          error={errors.roleId}
        >
          <RoleOptions roles={roles} myLevel={myLevel} />
        </SelectField>
        <Field
          label="Access expires (optional)"
          name="expiresAt"
          type="date"
          min={todayInput()}
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
          error={errors.expiresAt}
          hint="Clear the date for access without an end."
        />
      </div>
    </ConfirmDialog>
  );
}

function RemoveMemberDialog({
  member,
  onClose,
  onRemoved,
}: {
  member: Member | null;
  onClose: () => void;
  onRemoved: (member: Member) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, remove] = useMutation(MembersPageRemove);

  async function confirm() {
    if (!member) return;
    setError(null);
    const result = await remove({ input: { memberId: member.id } });
    const payload = result.data?.removeMember;
    if (!payload) return setError(result.error ? describeError(result.error) : "We couldn't remove the member.");
    if (payload.__typename !== "RemoveMemberSuccess") return setError(payload.message);
    onRemoved(member);
  }

  return (
    <ConfirmDialog
      open={!!member}
      title={member ? `Remove ${member.user.name}?` : "Remove member?"}
      confirmLabel="Remove member"
      loading={fetching}
      error={error}
      onConfirm={confirm}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      <p>They lose access to this client at once. You can invite them again later.</p>
    </ConfirmDialog>
  );
}
