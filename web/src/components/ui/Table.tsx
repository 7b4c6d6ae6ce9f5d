import type { ReactNode, TableHTMLAttributes } from "react";

type TableProps = TableHTMLAttributes<HTMLTableElement> & {
  /** Read by screen readers as the table's name. */
  caption: string;
  /** Show the caption visually too (default: screen readers only). */
  showCaption?: boolean;
  children: ReactNode;
};

/**
 * A data table that scrolls sideways inside its own box on narrow screens.
 * Below 560px rows stack as cards; give each <td> a `data-label` to keep its column name.
 */
export function Table({ caption, showCaption = false, className, children, ...rest }: TableProps) {
  return (
    <div className="table-wrap">
      <table {...rest} className={["table", className ?? ""].filter(Boolean).join(" ")}>
        <caption className={showCaption ? "table-caption" : "visually-hidden"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
