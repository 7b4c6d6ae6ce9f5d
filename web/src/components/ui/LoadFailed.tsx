import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { describeError } from "../../lib/errors";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** The error state of something that did not load, with a retry. */
export function LoadFailed({
  title,
  error,
  onRetry,
  className = "stack-sm",
  retryVariant = "secondary",
}: {
  title: string;
  error: CombinedError;
  onRetry: () => void;
  className?: string;
  /** A whole-page failure offers the retry as the main action. */
  retryVariant?: "primary" | "secondary";
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <Alert tone="error" title={title}>
        {describeError(error)}
      </Alert>
      <div>
        <Button variant={retryVariant} onClick={onRetry}>
          {t("actions.tryAgain")}
        </Button>
      </div>
    </div>
  );
}
