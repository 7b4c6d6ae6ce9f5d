import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import type { CombinedError } from "urql";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { describeError } from "../../../lib/errors";
import { missingPermissionReason, type Permission } from "../shared";
import "./team.css";

/** What every team page reads about the viewer's standing in the client. */
export const CLIENT_ACCESS_FIELDS = `
  id
  name
  myPermissions
  myRoleLevel
`;

export type ClientAccess = { id: string; name: string; myPermissions: Permission[]; myRoleLevel: number | null };

export const ALL_PERMISSIONS: readonly Permission[] = [
  "CLIENT_UPDATE",
  "DOMAINS_MANAGE",
  "SCOPES_MANAGE",
  "SECRETS_MANAGE",
  "USERS_READ",
  "REQUESTS_SEND",
  "VERIFICATION_MANAGE",
  "MEMBERS_MANAGE",
  "ROLES_MANAGE",
  "AUDIT_READ",
];

/** A reason to show beside a control the viewer cannot use, or null when they can. */
export function lacking(client: ClientAccess | null | undefined, permission: Permission): string | null {
  if (!client) return null;
  return client.myPermissions.includes(permission) ? null : missingPermissionReason(permission);
}

/** The sentence beside a disabled control. */
export function Reason({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p className="team-reason" id={id}>
      {children}
    </p>
  );
}

/** The page heading of a dashboard section. */
export function SectionHead({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <header className="team-head">
      <h2 id={id}>{title}</h2>
      {children ? <p className="muted">{children}</p> : null}
    </header>
  );
}

/** The error state of a list, with a retry. */
export function LoadFailed({ title, error, onRetry }: { title: string; error: CombinedError; onRetry: () => void }) {
  return (
    <div className="stack">
      <Alert tone="error" title={title}>
        {describeError(error)}
      </Alert>
      <div>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}

/** A form-level error (a typed error no field claims). */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="field-error" role="alert">
      {children}
    </p>
  );
}

type CheckProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & { label: ReactNode; hint?: ReactNode };

/** A labelled checkbox for option lists (scopes, domains, permissions). */
export function Check({ label, hint, className, ...input }: CheckProps) {
  const id = useId();
  return (
    <div className={["team-check", className ?? ""].filter(Boolean).join(" ")}>
      <input {...input} id={id} type="checkbox" />
      <label htmlFor={id}>
        <span>{label}</span>
        {hint ? <span className="team-check-hint">{hint}</span> : null}
      </label>
    </div>
  );
}

/** A group of checkboxes with a legend and its own error. */
export function CheckGroup({
  legend,
  error,
  hint,
  children,
}: {
  legend: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="team-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <div className="team-checks">{children}</div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** `<input type="date">` value → the end of that day, as ISO; empty → null. */
export function dateInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO date-time → `<input type="date">` value in local time. */
export function isoToDateInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isPast(iso: string | null | undefined): boolean {
  return !!iso && new Date(iso).getTime() < Date.now();
}

export function todayInput(): string {
  return isoToDateInput(new Date().toISOString());
}
