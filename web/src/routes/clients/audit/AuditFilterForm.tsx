import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("clients");
  return (
    <form className="stack" onSubmit={onApply} noValidate aria-label={t("audit.filter.label")}>
      <fieldset className="team-fieldset" disabled={disabled}>
        <div className="team-form">
          <Field
            label={t("audit.filter.actor")}
            name="actorEmail"
            type="email"
            value={draft.actorEmail}
            onChange={(event) => onChange({ ...draft, actorEmail: event.target.value })}
            error={errors.actorEmail}
          />
          <Field
            label={t("audit.action")}
            name="action"
            placeholder={t("audit.filter.actionExample")}
            value={draft.action}
            onChange={(event) => onChange({ ...draft, action: event.target.value })}
            error={errors.action}
          />
          <Field
            label={t("audit.filter.from")}
            name="since"
            type="date"
            value={draft.since}
            onChange={(event) => onChange({ ...draft, since: event.target.value })}
            error={errors.since}
          />
          <Field
            label={t("audit.filter.to")}
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
          {t("audit.filter.apply")}
        </Button>
        <Button variant="secondary" disabled={!filtered || clearing} onClick={onClear}>
          {t("audit.filter.clear")}
        </Button>
      </div>
    </form>
  );
}
