import { useTranslation } from "react-i18next";
import { type IdentityProof, type ProofWays, useIdentityProof } from "../../lib/use-passkey-proof";
import { Field } from "../ui/Field";

type Bound = { value: string; onChange: (event: { target: { value: string } }) => void; error?: string | undefined };

/**
 * The proof a sensitive change asks for, by what the person has: their password; or, without one, a passkey
 * (asked for on submit) and a code from their app or a recovery code. No field they cannot fill.
 */
export function IdentityProofFields({
  ways,
  currentPassword,
  code,
  passwordHint,
}: {
  ways: ProofWays;
  currentPassword: Bound;
  code: Bound;
  passwordHint?: string | undefined;
}) {
  const { t } = useTranslation("account");
  if (ways.hasPassword) {
    return (
      <Field
        label={t("proof.password")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        hint={passwordHint}
        {...currentPassword}
      />
    );
  }
  const hint = ways.passkey
    ? ways.code
      ? "proof.passkeyOrCode"
      : "proof.passkey"
    : ways.code
      ? "proof.code"
      : "proof.none";
  return (
    <div className="stack">
      <p className="muted">{t(hint)}</p>
      {ways.code ? (
        <Field
          label={t("proof.codeLabel")}
          name="code"
          autoComplete="one-time-code"
          hint={ways.passkey ? t("proof.codeHint") : undefined}
          {...code}
        />
      ) : null}
    </div>
  );
}

/** What is missing before the person can send a proof, or null: a passkey needs nothing typed. */
export function missingProof(ways: ProofWays, currentPassword: string, code: string) {
  if (ways.hasPassword) return currentPassword ? null : "currentPassword";
  if (ways.passkey || code.trim()) return null;
  return ways.code ? "code" : "none";
}

type ProofForm = { reject: (fields: Record<string, string>, form?: string | null) => boolean };

/**
 * A form's last step before sending a sensitive change: shows what is missing of the proof (beside the form's own
 * errors in `found`), else gets it, asking for a passkey where that is the way. Null when the form shows why not.
 */
export function useProofToSend(ways: ProofWays, failed: string) {
  const { t } = useTranslation("account");
  const prove = useIdentityProof(ways.hasPassword, failed);
  return async (
    form: ProofForm,
    typed: { currentPassword: string; code: string },
    found: Record<string, string>,
    passwordMissing: string,
  ): Promise<IdentityProof | null> => {
    const missing = missingProof(ways, typed.currentPassword, typed.code);
    const fields = { ...found };
    if (missing === "currentPassword") fields.currentPassword = passwordMissing;
    if (missing === "code") fields.code = t("proof.codeMissing");
    if (form.reject(fields, missing === "none" ? t("proof.none") : null)) return null;
    const given = await prove(typed.currentPassword, typed.code);
    if (given.ok) return given.proof;
    form.reject({}, given.message);
    return null;
  };
}
