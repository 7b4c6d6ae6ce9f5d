import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { LoadFailed } from "./LoadFailed";
import { StatusBlock } from "./Spinner";

/** A card's query before it has data: loading, or why it failed with a retry; nothing once the data is there. */
export function QueryState({
  result: { data, fetching, error },
  failedTitle,
  onRetry,
}: {
  result: { data?: unknown; fetching: boolean; error?: CombinedError | undefined };
  failedTitle: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (data) return null;
  return (
    <>
      {fetching ? <StatusBlock label={t("status.loading")} /> : null}
      {error ? <LoadFailed title={failedTitle} error={error} onRetry={onRetry} /> : null}
    </>
  );
}
