import { type FormEvent, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { SecondFactorForm, type SecondFactorMethod } from "../../../components/auth/SecondFactorForm";
import { AuthCard } from "../../../components/layout/AuthCard";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Field } from "../../../components/ui/Field";
import { StatusBlock } from "../../../components/ui/Spinner";
import { describeError } from "../../../lib/errors";
import { ErrorFields, graphql } from "../../../lib/graphql";
import { useMutationForm } from "../../../lib/use-mutation-form";

const LinkProviderPage_Offer = graphql(
  `
    query LinkProviderPage_Offer($ticket: String!) {
      providerLinkOffer(ticket: $ticket) {
        __typename
        ... on ProviderLinkOfferSuccess {
          data {
            displayName
            email
            hasPassword
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const LinkProviderPage_Confirm = graphql(
  `
    mutation LinkProviderPage_Confirm($input: ConfirmProviderLinkInput!) {
      confirmProviderLink(input: $input) {
        __typename
        ... on ConfirmProviderLinkSuccess {
          data {
            returnTo
          }
        }
        ... on SecondFactorRequiredError {
          challenge
          methods
          newDevice
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The ticket travels in the fragment (#ticket=…), so it never reaches a server log. */
const ticketFromHash = () => new URLSearchParams(window.location.hash.slice(1)).get("ticket") ?? "";

/**
 * An upstream sign-in found an existing account with the same e-mail: the person proves that
 * account with its password before the provider is linked to it. Nothing is linked before.
 */
export function LinkProviderPage() {
  const { t } = useTranslation(["auth", "common"]);
  const ticket = ticketFromHash();
  const [{ data, fetching, error }] = useQuery({
    query: LinkProviderPage_Offer,
    variables: { ticket },
    pause: !ticket,
  });
  // Linked, and the account wants its second factor before the session starts.
  const [secondStep, setSecondStep] = useState<{
    challenge: string;
    methods: SecondFactorMethod[];
    newDevice: boolean;
  } | null>(null);
  const form = useMutationForm(LinkProviderPage_Confirm, (answer) => answer.confirmProviderLink, t("link.failed"), {
    fieldFor: (problem) => (problem.__typename === "WrongPasswordError" ? "password" : null),
    onError: (problem) => {
      if (problem.__typename === "SecondFactorRequiredError" && "challenge" in problem && "methods" in problem) {
        setSecondStep({
          challenge: String(problem.challenge),
          methods: problem.methods as SecondFactorMethod[],
          newDevice: "newDevice" in problem && problem.newDevice === true,
        });
      }
    },
  });
  const answer = data?.providerLinkOffer;
  const offer = answer?.__typename === "ProviderLinkOfferSuccess" ? answer.data : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (form.reject(password ? {} : { password: t("link.passwordMissing") })) return;
    const done = await form.run({ input: { ticket, password } });
    // A full load: the next page (often the hosted login) starts fresh with the new session.
    if (done) window.location.assign(done.data.returnTo);
  }

  return (
    <AuthCard title={t("link.title")} footer={<Link to="/signin">{t("link.back")}</Link>}>
      {secondStep ? (
        <SecondFactorForm
          {...secondStep}
          onSignedIn={() => window.location.assign("/account")}
          onRestart={() => window.location.assign("/signin")}
        />
      ) : !ticket ? (
        <Alert tone="error">{t("link.incomplete")}</Alert>
      ) : error && !data ? (
        <Alert tone="error">{describeError(error)}</Alert>
      ) : fetching && !data ? (
        <StatusBlock label={t("common:status.loading")} />
      ) : !offer ? (
        <Alert tone="error" title={t("link.brokenTitle")}>
          {answer && "message" in answer ? answer.message : t("link.startAgain")}
        </Alert>
      ) : (
        <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={t("link.form")}>
          <p>
            <Trans
              t={t}
              i18nKey="link.intro"
              values={{ email: offer.email, provider: offer.displayName }}
              components={{ strong: <strong /> }}
            />
          </p>
          {!offer.hasPassword ? (
            <Alert tone="info">
              <Trans
                t={t}
                i18nKey="link.noPassword"
                values={{ provider: offer.displayName }}
                components={{ reset: <Link to="/forgot-password" /> }}
              />
            </Alert>
          ) : null}
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          <input type="email" name="username" autoComplete="username" value={offer.email} readOnly hidden />
          <Field
            label={t("signIn.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            error={form.fieldErrors.password}
            required
          />
          <Button type="submit" block loading={form.fetching}>
            {t("link.submit", { provider: offer.displayName })}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
