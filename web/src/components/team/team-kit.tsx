import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { missingPermissionReason, type Permission } from "../../lib/permissions";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import "./team.css";
import { useTranslation } from "react-i18next";

/** A reason to show beside a control the viewer cannot use, or null when they can. */
export function lacking(
  client: { myPermissions: readonly Permission[] } | null | undefined,
  permission: Permission,
): string | null {
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

/** What a dashboard page shows when the client is gone or the viewer left it. */
export function ClientNotFound() {
  const { t } = useTranslation("team");
  return (
    <Alert tone="error" title={t("clientNotFound.title")}>
      {t("clientNotFound.body")}
    </Alert>
  );
}

/** A small row button, disabled with the reason as its tooltip when the viewer cannot use it. */
export function RowButton({
  reason,
  danger = false,
  label,
  onClick,
  children,
}: {
  /** Why the viewer cannot use it, or null when they can. */
  reason: string | null;
  danger?: boolean;
  /** The accessible name, naming the row. */
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      variant={danger ? "danger" : "secondary"}
      className="btn-sm"
      disabled={!!reason}
      title={reason ?? undefined}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

/** What a table of members or roles needs to decide, per row, whether the viewer may change it. */
export type ManagedRows<Row> = {
  myLevel: number;
  /** Why the viewer manages none of the rows, or null when they may. */
  noManage: string | null;
  onEdit: (row: Row) => void;
};
