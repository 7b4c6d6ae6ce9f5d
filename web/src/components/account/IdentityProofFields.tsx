import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type IdentityProof, type ProofWays, useIdentityProof } from "../../lib/use-passkey-proof";
import { Field } from "../ui/Field";
import { EmailCodeRequest } from "./EmailCodeRequest";

type Bound = { value: string; onChange: (event: { target: { value: string } }) => void; error?: string | undefined };

/** Which sentence tells a person without a password what they can confirm with. */
function hintFor(ways: ProofWays) {
  if (ways.passkey) return ways.code ? "proof.passkeyOrCode" : "proof.passkey";
  if (ways.emailCode) return ways.code ? "proof.emailOrCode" : "proof.email";
  return ways.code ? "proof.code" : "proof.none";
}

/**
 * The proof a sensitive change asks for, by what the person has: their password; or, without one, a passkey
 * (asked for on submit) and a code from their app or a recovery code. An account without an app or a passkey
 * can also ask for a code by e-mail (instead of the password, when it has one). No field they cannot fill.
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
  const [sentTo, setSentTo] = useState<string | null>(null);
  // Beside a password, the code field waits until a code was asked for.
  const codeShown = ways.hasPassword ? ways.emailCode && sentTo !== null : ways.code || ways.emailCode;
  const codeLabel = !ways.emailCode
    ? "proof.codeLabel"
    : ways.code
      ? "proof.emailOrRecoveryLabel"
      : "proof.emailCodeLabel";
  const codeHint = ways.hasPassword ? "proof.emailCodeHint" : ways.passkey ? "proof.codeHint" : null;
  return (
    <div className="stack">
      {ways.hasPassword ? (
        <Field
          label={t("proof.password")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          // "Needs your password" is not so when a mailed code would do.
          hint={ways.emailCode ? undefined : passwordHint}
          {...currentPassword}
        />
      ) : (
        <p className="muted">{t(hintFor(ways))}</p>
      )}
      {ways.hasPassword && ways.emailCode && !sentTo ? <p className="muted">{t("proof.orEmail")}</p> : null}
      {ways.emailCode ? <EmailCodeRequest sentTo={sentTo} onSent={setSentTo} /> : null}
      {codeShown ? (
        <Field
          label={t(codeLabel)}
          name="code"
          autoComplete="one-time-code"
          hint={codeHint ? t(codeHint) : undefined}
          {...code}
        />
      ) : null}
    </div>
  );
}

/** What is missing before the person can send a proof, or null: a passkey needs nothing typed. */
export function missingProof(ways: ProofWays, currentPassword: string, code: string) {
  if (code.trim()) return null;
  if (ways.hasPassword) return currentPassword ? null : "currentPassword";
  if (ways.passkey) return null;
  return ways.code || ways.emailCode ? "code" : "none";
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
    if (missing === "code") fields.code = t(ways.emailCode ? "proof.emailCodeMissing" : "proof.codeMissing");
    if (form.reject(fields, missing === "none" ? t("proof.none") : null)) return null;
    const given = await prove(typed.currentPassword, typed.code);
    if (given.ok) return given.proof;
    form.reject({}, given.message);
    return null;
  };
}
