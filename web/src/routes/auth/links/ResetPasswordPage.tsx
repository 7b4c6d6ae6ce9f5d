import { type FormEvent, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { describeError } from "../../../lib/errors";
import { graphql } from "../../../lib/graphql";

const ResetPasswordPage_Reset = graphql(`
  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on InvalidLinkError {
        message
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

export function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [{ fetching }, reset] = useMutation(ResetPasswordPage_Reset);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(token ? null : t("reset.incomplete"));
  const [done, setDone] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("repeat") ?? "")) return setFieldError(t("reset.differ"));
    if (newPassword.length < 10) return setFieldError(t("reset.tooShort"));
    setFieldError(null);
    const result = await reset({ input: { token, newPassword } });
    const answer = result.data?.resetPassword;
    if (result.error) setFieldError(describeError(result.error));
    else if (answer?.__typename === "InvalidLinkError") setLinkError(answer.message);
    else if (answer?.__typename === "ValidationError") setFieldError(answer.fieldErrors[0]?.message ?? answer.message);
    else setDone(true);
  }

  return (
    <AuthCard title={t("reset.title")} footer={<Link to="/signin">{t("link.back")}</Link>}>
      {done ? (
        <Alert tone="success" title={t("reset.doneTitle")}>
          <Trans t={t} i18nKey="reset.done" components={{ signin: <Link to="/signin" /> }} />
        </Alert>
      ) : linkError ? (
        <Alert tone="error" title={t("reset.brokenTitle")}>
          {linkError} <Link to="/forgot-password">{t("reset.askNew")}</Link>
        </Alert>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <Field
            label={t("reset.newPassword")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint={t("reset.hint")}
            error={fieldError ?? undefined}
          />
          <Field label={t("reset.repeat")} name="repeat" type="password" autoComplete="new-password" />
          <Button type="submit" block loading={fetching}>
            {t("reset.submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
