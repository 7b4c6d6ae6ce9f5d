import { useMutation } from "urql";
import { ErrorFields, type FragmentOf, graphql } from "./graphql";
import { runMutation } from "./mutation";
import { answerWithPasskey, type PasskeyOutcome } from "./passkey";

const PasskeyProof_Start = graphql(
  `
    mutation PasskeyProof_Start {
      startPasskeyReauthentication {
        __typename
        ... on StartPasskeyReauthenticationSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** What a person can confirm it is them with; spread into the query of every form that asks. */
export const IdentityProofWays = graphql(`
  fragment IdentityProofWays on User {
    hasPassword
    canConfirmWithEmailCode
    passkeys {
      id
    }
    twoFactor {
      totpEnabled
      recoveryCodesLeft
    }
  }
`);

/** `code`: from the app or a recovery code; `emailCode`: a code the person asks to be mailed. */
export type ProofWays = { hasPassword: boolean; passkey: boolean; code: boolean; emailCode: boolean };

/** The proofs a person has; while it loads, the password (what most people have). */
export function proofWaysOf(viewer: FragmentOf<typeof IdentityProofWays> | null | undefined): ProofWays {
  if (!viewer) return { hasPassword: true, passkey: false, code: false, emailCode: false };
  const code = viewer.twoFactor.totpEnabled || viewer.twoFactor.recoveryCodesLeft > 0;
  return {
    hasPassword: viewer.hasPassword,
    passkey: viewer.passkeys.length > 0,
    code,
    emailCode: viewer.canConfirmWithEmailCode,
  };
}

/**
 * Proves it is the signed-in person with one of their own passkeys, for a sensitive change on an account
 * without a password: the server's fresh challenge, answered by the browser, goes in `passkeyResponse`.
 */
function usePasskeyProof(failed: string): () => Promise<PasskeyOutcome> {
  const [, start] = useMutation(PasskeyProof_Start);
  return async () => {
    const options = await runMutation(start({}), (data) => data.startPasskeyReauthentication, failed);
    return options.ok ? answerWithPasskey(options.payload.data) : { ok: false, message: options.message };
  };
}

export type IdentityProof = { currentPassword: string } | { passkeyResponse: string } | { code: string };

/**
 * The one proof a sensitive change sends: a code the person typed (from their app, a recovery code, or one we
 * mailed them), else the password they typed, else, for an account without one, a fresh answer by one of
 * their passkeys (or the message saying why there is none).
 */
export function useIdentityProof(hasPassword: boolean, failed: string) {
  const passkeyProof = usePasskeyProof(failed);
  return async (
    currentPassword: string,
    code = "",
  ): Promise<{ ok: true; proof: IdentityProof } | { ok: false; message: string }> => {
    // A code field shows beside the password only once the person asked for a code by e-mail.
    if (code.trim()) return { ok: true, proof: { code: code.trim() } };
    if (hasPassword) return { ok: true, proof: { currentPassword } };
    const answer = await passkeyProof();
    return answer.ok ? { ok: true, proof: { passkeyResponse: answer.response } } : answer;
  };
}
