import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonWords } from "@zxcvbn-ts/language-common";
import { dictionary as englishWords, translations } from "@zxcvbn-ts/language-en";

export const PASSWORD_POLICY_MIN = 10;
export const PASSWORD_POLICY_MAX = 256;
/** zxcvbn's 3: "safely unguessable", about 10^8 guesses or more; 0–2 fall to an online or fast offline attack. */
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({
  dictionary: { ...commonWords, ...englishWords },
  graphs: adjacencyGraphs,
  translations,
});

const normalize = (value: string) => value.normalize("NFKC").trim().toLowerCase();

/**
 * Why a password is refused, or null when it passes: 10–256 characters, not the person's own
 * e-mail address or name, and hard to guess by zxcvbn's estimate (common passwords, words,
 * keyboard walks, dates and the person's own details all count against it).
 */
export function passwordProblem(
  password: string,
  person: { email?: string | null; name?: string | null } = {},
): string | null {
  if (password.length < PASSWORD_POLICY_MIN) return `Use at least ${PASSWORD_POLICY_MIN} characters for the password.`;
  if (password.length > PASSWORD_POLICY_MAX) return `Use at most ${PASSWORD_POLICY_MAX} characters for the password.`;
  const candidate = normalize(password).replace(/\s+/g, "");
  const email = person.email ? normalize(person.email) : "";
  const personal = [email, email.split("@")[0] ?? "", person.name ? normalize(person.name) : ""].filter(Boolean);
  if (personal.some((value) => candidate === value.replace(/\s+/g, ""))) {
    return "Do not use your e-mail address or name as the password.";
  }
  const { score, feedback } = estimator.check(password, [
    ...personal,
    ...personal.flatMap((value) => value.split(/[\s@.]+/)),
  ]);
  if (score >= MIN_SCORE) return null;
  const why = feedback.warning ? ` ${feedback.warning}` : "";
  return `This password is too common or too easy to guess.${why} Try a few unrelated words.`;
}
