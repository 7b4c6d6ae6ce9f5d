import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { StatusBlock } from "../../../components/ui/Spinner";
import { i18n } from "../../../i18n/i18n";
import { describeError } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

const ConfirmLinkPage_VerifyEmail = graphql(`
  mutation ConfirmLinkPage_VerifyEmail($input: VerifyEmailInput!) {
    answer: verifyEmail(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const ConfirmLinkPage_ConfirmEmailChange = graphql(`
  mutation ConfirmLinkPage_ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    answer: confirmEmailChange(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const KINDS = {
  verifyEmail: {
    document: ConfirmLinkPage_VerifyEmail,
    title: () => i18n.t("auth:confirm.verifyEmail.title"),
    done: () => i18n.t("auth:confirm.verifyEmail.done"),
  },
  emailChange: {
    document: ConfirmLinkPage_ConfirmEmailChange,
    title: () => i18n.t("auth:confirm.emailChange.title"),
    done: () => i18n.t("auth:confirm.emailChange.done"),
  },
} as const;

/** The page a mailed confirmation link opens: it confirms once, on arrival, and says how it went. */
export function ConfirmLinkPage({ kind }: { kind: keyof typeof KINDS }) {
  const { t } = useTranslation("auth");
  const { document, title, done } = KINDS[kind];
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [, confirm] = useMutation(document);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(
    token ? null : { ok: false, message: t("confirm.incomplete") },
  );
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true; // a link is single-use: never send it twice, also not in React's development double effects
    void confirm({ input: { token } }).then((result) => {
      const answer = result.data?.answer;
      if (result.error) setOutcome({ ok: false, message: describeError(result.error) });
      else if (answer?.__typename.endsWith("Success")) setOutcome({ ok: true, message: done() });
      else
        setOutcome({
          ok: false,
          message: (answer && "message" in answer ? answer.message : null) ?? t("confirm.broken"),
        });
    });
  }, [confirm, done, token, t]);

  return (
    <AuthCard title={title()}>
      {outcome === null ? (
        <StatusBlock label={t("confirm.confirming")} />
      ) : (
        <Alert tone={outcome.ok ? "success" : "error"}>
          {outcome.message} <Link to="/account">{t("confirm.toAccount")}</Link>
        </Alert>
      )}
    </AuthCard>
  );
}

export const VerifyEmailPage = () => <ConfirmLinkPage kind="verifyEmail" />;
export const ConfirmEmailChangePage = () => <ConfirmLinkPage kind="emailChange" />;
