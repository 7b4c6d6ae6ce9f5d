import type { SecondFactorMethod } from "../../../components/auth/SecondFactorForm";

const METHODS: readonly SecondFactorMethod[] = ["PASSKEY", "TOTP", "EMAIL", "RECOVERY_CODE"];

export type UpstreamSecondStep = {
  challenge: string;
  methods: SecondFactorMethod[];
  newDevice: boolean;
  /** Where the sign-in goes on afterwards: a path on this site only. */
  returnTo: string;
};

/**
 * The second step an upstream sign-in (Google, Microsoft, …) was sent back with, from the fragment
 * `#second_factor=…&methods=…&new_device=…&return=…`; null when the page was opened without one.
 */
export function upstreamSecondStep(hash: string): UpstreamSecondStep | null {
  const step = new URLSearchParams(hash.replace(/^#/, ""));
  const challenge = step.get("second_factor");
  if (!challenge) return null;
  const methods = (step.get("methods") ?? "")
    .split(",")
    .filter((method): method is SecondFactorMethod => (METHODS as readonly string[]).includes(method));
  const wanted = step.get("return") ?? "";
  const returnTo = wanted.startsWith("/") && !wanted.startsWith("//") ? wanted : "/account";
  return {
    challenge,
    methods: methods.length > 0 ? methods : ["EMAIL"],
    newDevice: step.get("new_device") === "1",
    returnTo,
  };
}
