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
export function usePasskeyProof(failed: string): () => Promise<PasskeyOutcome> {
  const [, start] = useMutation(PasskeyProof_Start);
  return async () => {
    const options = await runMutation(start({}), (data) => data.startPasskeyReauthentication, failed);
    return options.ok ? answerWithPasskey(options.payload.data) : { ok: false, message: options.message };
  };
}
