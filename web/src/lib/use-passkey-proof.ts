import { useMutation } from "urql";
import { ErrorFields, graphql } from "./graphql";
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

export type IdentityProof = { currentPassword: string } | { passkeyResponse: string };

/**
 * The one proof a sensitive change sends: the password the person typed, or, for an account without one, a
 * fresh answer by one of their passkeys (or the message saying why there is none).
 */
export function useIdentityProof(hasPassword: boolean, failed: string) {
  const passkeyProof = usePasskeyProof(failed);
  return async (
    currentPassword: string,
  ): Promise<{ ok: true; proof: IdentityProof } | { ok: false; message: string }> => {
    if (hasPassword) return { ok: true, proof: { currentPassword } };
    const answer = await passkeyProof();
    return answer.ok ? { ok: true, proof: { passkeyResponse: answer.response } } : answer;
  };
}
