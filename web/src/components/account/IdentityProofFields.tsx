import { useTranslation } from "react-i18next";
import type { ProofWays } from "../../lib/use-passkey-proof";
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
