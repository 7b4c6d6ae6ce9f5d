import { useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
// Scalar's standalone bundle, served from our own origin: no CDN at run time.
import scalarBundle from "../../../node_modules/@scalar/api-reference/dist/browser/standalone.js?url";
import { Alert } from "../../components/ui/Alert";

type ScalarGlobal = { createApiReference: (target: HTMLElement, options: Record<string, unknown>) => unknown };

/** Loads the bundle once; it defines window.Scalar. Its failures are keys of the docs catalogue. */
function loadScalar(): Promise<ScalarGlobal> {
  const existing = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = scalarBundle;
    script.onload = () => {
      const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
      if (scalar) resolve(scalar);
      else reject(new Error("reference.notStarted"));
    };
    script.onerror = () => reject(new Error("reference.notLoaded"));
    document.head.append(script);
  });
}

/** The rendered reference of /api/openapi.json, where GET /api/info's api.documentation points. */
export function ApiReferencePage() {
  const { t } = useTranslation("docs");
  const target = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<"reference.notStarted" | "reference.notLoaded" | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadScalar()
      .then((scalar) => {
        if (cancelled || !target.current) return;
        scalar.createApiReference(target.current, {
          url: "/api/openapi.json",
          withDefaultFonts: false,
          hideClientButton: true,
          telemetry: false,
        });
      })
      .catch((reason: Error) =>
        setError(reason.message === "reference.notStarted" ? "reference.notStarted" : "reference.notLoaded"),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="api-reference">
      <title>{t("reference.documentTitle")}</title>
      <p className="api-reference-source">
        <Trans
          t={t}
          i18nKey="reference.source"
          // The message places the link as <link/>; Trans renders it as given, with its own text.
          components={{ link: <a href="/api/openapi.json">/api/openapi.json</a> }}
        />
      </p>
      {error ? (
        <Alert tone="error" title={t("reference.failedTitle")}>
          {t(error)} {t("reference.stillAvailable")}
        </Alert>
      ) : null}
      <div ref={target} data-testid="api-reference" />
    </main>
  );
}
