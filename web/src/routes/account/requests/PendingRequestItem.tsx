import { Trans, useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { scopeDescription } from "../../../i18n/scopes";
import { formatDate } from "../../../lib/format";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationAction } from "../../../lib/use-mutation-action";
import { type IncomingRequest, IncomingRequestFields } from "./incoming-request-fields";

const PendingRequestItem_Accept = graphql(
  `
    mutation PendingRequestItem_Accept($input: AcceptAccessRequestInput!) {
      acceptAccessRequest(input: $input) {
        __typename
        ... on AcceptAccessRequestSuccess {
          data {
            ...IncomingRequestFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [IncomingRequestFields, ErrorFields],
);

const PendingRequestItem_Decline = graphql(
  `
    mutation PendingRequestItem_Decline($input: DeclineAccessRequestInput!) {
      declineAccessRequest(input: $input) {
        __typename
        ... on DeclineAccessRequestSuccess {
          data {
            ...IncomingRequestFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [IncomingRequestFields, ErrorFields],
);

export const KIND_LABEL = {
  ACCESS: "requests.kind.ACCESS",
  TEST_USER: "requests.kind.TEST_USER",
} as const satisfies Record<IncomingRequest["kind"], string>;

/** One request waiting for the person's answer. */
export function PendingRequestItem({
  request,
  onStart,
  onAnswered,
}: {
  request: IncomingRequest;
  onStart: () => void;
  onAnswered: (message: string) => void;
}) {
  const { t } = useTranslation("account");
  const fallback = t("requests.sendFailed");
  const accept = useMutationAction(PendingRequestItem_Accept, (data) => data.acceptAccessRequest, fallback);
  const decline = useMutationAction(PendingRequestItem_Decline, (data) => data.declineAccessRequest, fallback);
  const busy = accept.fetching || decline.fetching;
  const error = accept.error ?? decline.error;

  async function respond(action: "accept" | "decline") {
    onStart();
    (action === "accept" ? decline : accept).setError(null);
    const variables = { input: { accessRequestId: request.id } };
    const answered = action === "accept" ? await accept.run(variables) : await decline.run(variables);
    if (!answered) return;
    onAnswered(
      action === "accept"
        ? t("requests.youAccepted", { app: request.client.name })
        : t("requests.youDeclined", { app: request.client.name }),
    );
  }

  return (
    <li key={request.id} className="item" aria-labelledby={`request-${request.id}`}>
      <div className="item-head">
        <span className="item-avatar" aria-hidden="true">
          {request.client.name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <div className="item-title">
          <h3 id={`request-${request.id}`}>{request.client.name}</h3>
          <p className="item-meta">
            <Trans
              t={t}
              i18nKey="requests.sent"
              values={{ kind: t(KIND_LABEL[request.kind]), date: formatDate(request.createdAt) }}
              components={{ badge: <Badge tone={request.kind === "TEST_USER" ? "info" : "neutral"} /> }}
            />
          </p>
        </div>
      </div>
      <div className="item-body">
        {request.message ? <blockquote className="request-message">{request.message}</blockquote> : null}
        {request.scopes.length > 0 ? (
          <>
            <p className="item-label">
              {request.kind === "TEST_USER" ? t("requests.asTestUser") : t("requests.asksTo")}
            </p>
            <ul className="scope-words">
              {request.scopes.map((scope) => (
                <li key={scope.key}>
                  {scopeDescription(scope)} <code className="scope-key">{scope.key}</code>
                </li>
              ))}
            </ul>
          </>
        ) : request.kind === "TEST_USER" ? (
          <p className="muted">{t("requests.testInvite")}</p>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="item-footer">
          <Button
            onClick={() => respond("accept")}
            loading={accept.fetching}
            disabled={busy}
            aria-label={t("requests.acceptLabel", { app: request.client.name })}
          >
            {t("requests.accept")}
          </Button>
          <Button
            variant="secondary"
            onClick={() => respond("decline")}
            loading={decline.fetching}
            disabled={busy}
            aria-label={t("requests.declineLabel", { app: request.client.name })}
          >
            {t("requests.decline")}
          </Button>
        </div>
      </div>
    </li>
  );
}
