import type { Challenge } from "altcha-lib";
import type { ProofOfWorkOutcome } from "../auth/proof-of-work.js";
import { builder } from "../graphql/builder.js";
import { ErrorInterface } from "../graphql/errors.js";

export type ProofOfWorkRefusal = Exclude<ProofOfWorkOutcome, "VERIFIED"> | "REQUIRED";

const MESSAGES: Record<ProofOfWorkRefusal, string> = {
  REQUIRED: "Several sign-in attempts failed for this address, so your browser first solves a short check.",
  INVALID: "The browser check did not pass. A new one has started.",
  EXPIRED: "The browser check took too long. A new one has started.",
  USED: "That browser check was already used. A new one has started.",
};

/**
 * Sign-in needs a solved ALTCHA challenge first (after failures for this address; the same for addresses
 * without an account). Carries a fresh challenge; send its solution as `proofOfWork` with the next attempt.
 */
export class ProofOfWorkRequiredError extends Error {
  readonly challenge: string;

  constructor(
    readonly reason: ProofOfWorkRefusal,
    challenge: Challenge,
  ) {
    super(MESSAGES[reason]);
    this.challenge = JSON.stringify(challenge);
  }
}

const ProofOfWorkReason = builder.enumType("ProofOfWorkReason", {
  description: "Why the attempt needs a (new) solved challenge.",
  values: {
    REQUIRED: { description: "No solution was sent, and this address needs one." },
    INVALID: { description: "The solution was wrong, or not for a challenge Gatehouse issued." },
    EXPIRED: { description: "The challenge expired before its solution arrived." },
    USED: { description: "The solution was already accepted once." },
  } as const,
});

builder.objectType(ProofOfWorkRequiredError, {
  name: "ProofOfWorkRequiredError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProofOfWorkRequiredError,
  fields: (t) => ({
    reason: t.field({ type: ProofOfWorkReason, resolve: (error) => error.reason }),
    challenge: t.exposeString("challenge", {
      description: "The ALTCHA challenge as JSON, for the altcha widget's `challenge` option.",
    }),
  }),
});
