import { type FormEvent, useRef, useState } from "react";
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
            returnTo
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

/** A path on this site only; anything else goes to the account page. */
const safeReturnTo = (wanted: string | undefined) =>
  wanted?.startsWith("/") && !wanted.startsWith("//") ? wanted : "/account";

/** The ticket travels in the fragment (#ticket=…), so it never reaches a server log. */
const ticketFromHash = () => new URLSearchParams(window.location.hash.slice(1)).get("ticket") ?? "";

/**
 * An upstream sign-in found an existing account with the same e-mail: the person proves that
 * account with its password before the provider is linked to it. Nothing is linked before.
 */
export function LinkProviderPage() {
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
  const form = useMutationForm(LinkProviderPage_Confirm, (answer) => answer.confirmProviderLink, "Linking failed.", {
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
  // Kept once read: the spent ticket's offer may not load again after the link.
  const returnTo = useRef("/account");
  if (offer) returnTo.current = safeReturnTo(offer.returnTo);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (form.reject(password ? {} : { password: "Enter your password." })) return;
    const done = await form.run({ input: { ticket, password } });
    // A full load: the next page (often the hosted login) starts fresh with the new session.
    if (done) window.location.assign(done.data.returnTo);
  }

  return (
    <AuthCard title="Link your account" footer={<Link to="/signin">Back to sign in</Link>}>
      {secondStep ? (
        <SecondFactorForm
          {...secondStep}
          // Back to where the sign-in started (often an app's hosted login), as without a second step.
          onSignedIn={() => window.location.assign(returnTo.current)}
          onRestart={() => window.location.assign("/signin")}
        />
      ) : !ticket ? (
        <Alert tone="error">This link is incomplete. Start the sign-in again.</Alert>
      ) : error && !data ? (
        <Alert tone="error">{describeError(error)}</Alert>
      ) : fetching && !data ? (
        <StatusBlock label="Loading…" />
      ) : !offer ? (
        <Alert tone="error" title="This link does not work">
          {answer && "message" in answer ? answer.message : "Start the sign-in again."}
        </Alert>
      ) : (
        <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Link account">
          <p>
            <strong>{offer.email}</strong> already has a Gatehouse account. Enter its password once to link your{" "}
            {offer.displayName} account to it; after that, {offer.displayName} signs you in directly.
          </p>
          {!offer.hasPassword ? (
            <Alert tone="info">
              This account has no password yet. <Link to="/forgot-password">Set one by e-mail</Link>, then sign in with{" "}
              {offer.displayName} again.
            </Alert>
          ) : null}
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          <input type="email" name="username" autoComplete="username" value={offer.email} readOnly hidden />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            error={form.fieldErrors.password}
            required
          />
          <Button type="submit" block loading={form.fetching}>
            Link {offer.displayName} and sign in
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
