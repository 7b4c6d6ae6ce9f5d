import { i18n } from "../../i18n/i18n";
/**
 * The server's password policy (server/src/core/auth/password-policy.ts), checked as the person types so
 * each rule shows when it is met. The server checks again; this only saves a round trip.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
const MIN_SCORE = 3;

export type PasswordRule = { id: "length" | "personal" | "guessable"; label: string; met: boolean | null };

type Estimate = (password: string, userInputs: string[]) => number;

let estimator: Promise<Estimate> | undefined;

/** zxcvbn and its word lists are large: loaded once the password step shows, never before. */
export function loadEstimator(): Promise<Estimate> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(([{ ZxcvbnFactory }, common, english]) => {
    const factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
    return (password, userInputs) => factory.check(password, userInputs).score;
  });
  estimator.catch(() => {
    estimator = undefined;
  });
  return estimator;
}

const normalize = (value: string) => value.normalize("NFKC").trim().toLowerCase();

/** Each rule and whether `password` meets it; `guessable` is null while the estimator loads. */
export function passwordRules(
  password: string,
  person: { email: string; name: string },
  estimate: Estimate | null,
): PasswordRule[] {
  const candidate = normalize(password).replace(/\s+/g, "");
  const email = normalize(person.email);
  const personal = [email, email.split("@")[0] ?? "", normalize(person.name)].filter(Boolean);
  const notPersonal = password.length > 0 && !personal.some((value) => candidate === value.replace(/\s+/g, ""));
  const inputs = [...personal, ...personal.flatMap((value) => value.split(/[\s@.]+/))];
  return [
    {
      id: "length",
      label: i18n.t("auth:register.rule.length", { min: PASSWORD_MIN }),
      met: password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX,
    },
    { id: "personal", label: i18n.t("auth:register.rule.personal"), met: notPersonal },
    {
      id: "guessable",
      label: i18n.t("auth:register.rule.guessable"),
      met: password.length === 0 ? false : estimate ? estimate(password, inputs) >= MIN_SCORE : null,
    },
  ];
}
