import type {} from "altcha/types/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type WidgetState = "loading" | "verifying" | "verified";

let widgetReady: Promise<void> | undefined;

/**
 * Loads the ALTCHA widget when a challenge first appears (it is large, and most sign-ins never need it).
 * The external build with its SHA worker as a file of our own keeps workers and styles on our origin.
 */
function loadWidget(): Promise<void> {
  widgetReady ??= Promise.all([
    import("altcha/external"),
    import("altcha/workers/sha?worker"),
    import("altcha/altcha.css"),
    // The widget's own words in Dutch; English is built in.
    import("altcha/i18n/nl"),
  ]).then(([, { default: ShaWorker }]) => {
    for (const algorithm of ["SHA-256", "SHA-384", "SHA-512"]) {
      globalThis.$altcha.algorithms.set(algorithm, () => new ShaWorker());
    }
  });
  widgetReady.catch(() => {
    widgetReady = undefined;
  });
  return widgetReady;
}

type ProofOfWorkCheckProps = {
  /** The challenge of a ProofOfWorkRequiredError, as JSON. */
  challenge: string;
  /** Called with the payload to send as `proofOfWork` once the browser has solved the challenge. */
  onSolved: (payload: string) => void;
  /** Called when the browser cannot solve it (the widget failed to load, or the challenge expired). */
  onFailed: () => void;
};

/** Solves the server's sign-in challenge in the background, showing "Checking your browser…" meanwhile. */
export function ProofOfWorkCheck({ challenge, onSolved, onFailed }: ProofOfWorkCheckProps) {
  const { t, i18n } = useTranslation("auth");
  const widgetRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<WidgetState>("loading");
  const [ready, setReady] = useState(false);
  const solvedRef = useRef(onSolved);
  solvedRef.current = onSolved;
  const failedRef = useRef(onFailed);
  failedRef.current = onFailed;

  useEffect(() => {
    let active = true;
    loadWidget().then(
      () => active && setReady(true),
      () => active && failedRef.current(),
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    const widget = widgetRef.current;
    if (!ready || !widget || !challenge) return;
    setState("verifying");
    const onState = (event: Event) => {
      const { state: next, payload } = (event as CustomEvent<{ state: string; payload?: string }>).detail;
      if (next === "verified" && payload) {
        setState("verified");
        solvedRef.current(payload);
      } else if (next === "error" || next === "expired") failedRef.current();
      else if (next === "verifying") setState("verifying");
    };
    widget.addEventListener("statechange", onState);
    return () => widget.removeEventListener("statechange", onState);
  }, [ready, challenge]);

  return (
    <div className="stack" data-testid="proof-of-work">
      {ready ? (
        <altcha-widget
          ref={widgetRef}
          challenge={challenge}
          auto="onload"
          name="altcha"
          language={i18n.resolvedLanguage ?? "en"}
        />
      ) : null}
      <p className="field-hint" role="status" aria-live="polite">
        {state === "verified" ? t("proofOfWork.verified") : t("proofOfWork.checking")}
      </p>
    </div>
  );
}
