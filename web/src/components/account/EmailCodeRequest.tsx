import { useTranslation } from "react-i18next";
import { ErrorFields, graphql } from "../../lib/graphql";
import { useMutationAction } from "../../lib/use-mutation-action";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";

const EmailCodeRequest_Send = graphql(
  `
    mutation EmailCodeRequest_Send {
      sendReauthenticationCode {
        __typename
        ... on SendReauthenticationCodeSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * "E-mail me a code": mails the person a code that confirms this change, then says where it went. `sentTo` is
 * the masked address once a code is on its way; asking again replaces the code.
 */
export function EmailCodeRequest({ sentTo, onSent }: { sentTo: string | null; onSent: (to: string) => void }) {
  const { t } = useTranslation("account");
  const send = useMutationAction(EmailCodeRequest_Send, (data) => data.sendReauthenticationCode, t("proof.sendFailed"));

  async function request() {
    const sent = await send.run({});
    if (sent) onSent(sent.data);
  }

  return (
    <div className="stack">
      <div>
        <Button variant="secondary" loading={send.fetching} onClick={request}>
          {sentTo ? t("proof.sendAgain") : t("proof.send")}
        </Button>
      </div>
      {send.error ? <Alert tone="error">{send.error}</Alert> : null}
      {sentTo && !send.error ? <Alert tone="success">{t("proof.sent", { email: sentTo })}</Alert> : null}
    </div>
  );
}
