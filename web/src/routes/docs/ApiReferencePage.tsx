import { useEffect, useRef, useState } from "react";
// Scalar's standalone bundle, served from our own origin: no CDN at run time.
import scalarBundle from "../../../node_modules/@scalar/api-reference/dist/browser/standalone.js?url";
import { Alert } from "../../components/ui/Alert";

type ScalarGlobal = { createApiReference: (target: HTMLElement, options: Record<string, unknown>) => unknown };

/** Loads the bundle once; it defines window.Scalar. */
function loadScalar(): Promise<ScalarGlobal> {
  const existing = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = scalarBundle;
    script.onload = () => {
      const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
      if (scalar) resolve(scalar);
      else reject(new Error("The reference viewer did not start."));
    };
    script.onerror = () => reject(new Error("The reference viewer could not be loaded."));
    document.head.append(script);
  });
}

/** The rendered reference of /api/openapi.json, where GET /api/info's api.documentation points. */
export function ApiReferencePage() {
  const target = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

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
      .catch((reason: Error) => setError(reason.message));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="api-reference">
      <title>API reference · Gatehouse</title>
      <p className="api-reference-source">
        Generated from the OpenAPI 3.1 description at <a href="/api/openapi.json">/api/openapi.json</a>, which SDK
        generators and API clients can read directly.
      </p>
      {error ? (
        <Alert tone="error" title="We couldn't show the API reference">
          {error} The description linked above is still available.
        </Alert>
      ) : null}
      <div ref={target} data-testid="api-reference" />
    </main>
  );
}
