import type { FormEvent } from "react";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";

export type Filters = { actorEmail: string; action: string; since: string; until: string };
export const NO_FILTERS: Filters = { actorEmail: "", action: "", since: "", until: "" };

/** The audit log's filters; they apply on submit. */
export function AuditFilterForm({
  draft,
  errors,
  disabled,
  applying,
  denied,
  filtered,
  clearing,
  onChange,
  onApply,
  onClear,
}: {
  draft: Filters;
  errors: Record<string, string>;
  disabled: boolean;
  applying: boolean;
  denied: boolean;
  filtered: boolean;
  clearing: boolean;
  onChange: (draft: Filters) => void;
  onApply: (event: FormEvent<HTMLFormElement>) => void;
  onClear: () => void;
}) {
  return (
    <form className="stack" onSubmit={onApply} noValidate aria-label="Filter the audit log">
      <fieldset className="team-fieldset" disabled={disabled}>
        <div className="team-form">
          <Field
            label="Actor e-mail"
            name="actorEmail"
            type="email"
            value={draft.actorEmail}
            onChange={(event) => onChange({ ...draft, actorEmail: event.target.value })}
            error={errors.actorEmail}
          />
          <Field
            label="Action"
            name="action"
            placeholder="e.g. member.added"
            value={draft.action}
            onChange={(event) => onChange({ ...draft, action: event.target.value })}
            error={errors.action}
          />
          <Field
            label="From (day)"
            name="since"
            type="date"
            value={draft.since}
            onChange={(event) => onChange({ ...draft, since: event.target.value })}
            error={errors.since}
          />
          <Field
            label="To (day, inclusive)"
            name="until"
            type="date"
            value={draft.until}
            onChange={(event) => onChange({ ...draft, until: event.target.value })}
            error={errors.until}
          />
        </div>
      </fieldset>
      <div className="team-form-actions">
        <Button type="submit" loading={applying} disabled={denied}>
          Apply filters
        </Button>
        <Button variant="secondary" disabled={!filtered || clearing} onClick={onClear}>
          Clear
        </Button>
      </div>
    </form>
  );
}
