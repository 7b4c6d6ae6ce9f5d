import type { ReactNode } from "react";
import { AlertIcon, CheckIcon, InfoIcon } from "./icons";

type AlertProps = {
  tone?: "error" | "info" | "success" | "warning";
  title?: ReactNode;
  children?: ReactNode;
};

/** Errors interrupt screen readers (role=alert); other tones are polite status messages. */
export function Alert({ tone = "info", title, children }: AlertProps) {
  const Icon = tone === "success" ? CheckIcon : tone === "info" ? InfoIcon : AlertIcon;
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      <Icon className="alert-icon" />
      <div>
        {title ? <p className="alert-title">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
