import { useState } from "react";
import { CheckboxField } from "../../../components/ui/Field";
import { can, missingPermissionReason, useClientDashboard } from "../shared";

type ClientSettingSwitchProps = {
  label: string;
  hint: string;
  name: string;
  initial: boolean;
  /** Saves the new value; answers whether the server took it. */
  save: (next: boolean) => Promise<unknown>;
  saving: boolean;
  error: string | null | undefined;
};

/**
 * A client setting as a toggle that saves at once: shown at once, put back if the server refuses;
 * members without client:update see it disabled, with why.
 */
export function ClientSettingSwitch({ label, hint, name, initial, save, saving, error }: ClientSettingSwitchProps) {
  const { client } = useClientDashboard();
  const allowed = can(client, "CLIENT_UPDATE");
  const [checked, setChecked] = useState(initial);
  async function toggle(next: boolean) {
    setChecked(next);
    if (!(await save(next))) setChecked(!next);
  }
  return (
    <div className="stack-sm">
      <CheckboxField
        label={label}
        name={name}
        hint={`${hint}${allowed ? "" : ` ${missingPermissionReason("CLIENT_UPDATE")}`}`}
        checked={checked}
        disabled={!allowed || saving}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
