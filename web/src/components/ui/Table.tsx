import type { ReactNode, TableHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

type TableProps = TableHTMLAttributes<HTMLTableElement> & {
  /** Read by screen readers as the table's name. */
  caption: string;
  /** Show the caption visually too (default: screen readers only). */
  showCaption?: boolean;
  /** The column headings, in order. */
  columns: readonly string[];
  /** Add a last column for row buttons, named "Actions" for screen readers only. */
  actions?: boolean;
  /** The rows. */
  children: ReactNode;
};

/**
 * A data table that scrolls sideways inside its own box on narrow screens.
 * Below 560px rows stack as cards; give each <td> a `data-label` to keep its column name.
 */
export function Table({
  caption,
  showCaption = false,
  columns,
  actions = false,
  className,
  children,
  ...rest
}: TableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table {...rest} className={["table", className ?? ""].filter(Boolean).join(" ")}>
        <caption className={showCaption ? "table-caption" : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{t("table.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
