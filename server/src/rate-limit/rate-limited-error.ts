import { builder } from "../graphql/builder.js";
import { ErrorInterface } from "../graphql/errors.js";

/** "4 seconds", "1 minute", "5 minutes": the wait as a person reads it. */
const wait = (seconds: number) => {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const count = Math.ceil(seconds / 60);
  return count === 1 ? "1 minute" : `${count} minutes`;
};

/** Sign-in must wait for this e-mail address or IP address; the same answer whether the account exists or not. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts. Try again in ${wait(retryAfterSeconds)}.`);
  }
}

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});
