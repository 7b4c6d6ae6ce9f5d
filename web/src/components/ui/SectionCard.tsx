import type { ReactNode } from "react";
import { Card } from "./Card";

/** A card with a titled head: heading, a line on what it is for, and an optional action on the right. */
export function SectionCard({
  id,
  title,
  description,
  action,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id}>
      <header className="section-head">
        <div>
          <h2 id={id}>{title}</h2>
          {description ? <p className="muted">{description}</p> : null}
        </div>
        {action}
      </header>
      {children}
    </Card>
  );
}
