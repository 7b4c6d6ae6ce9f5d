import type { HTMLAttributes, ReactNode } from "react";

type CardProps = HTMLAttributes<HTMLElement> & { centered?: boolean };

export function Card({ centered = false, className, children, ...rest }: CardProps) {
  const classes = ["card", centered ? "card-centered" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <section {...rest} className={classes}>
      {children}
    </section>
  );
}

export function CardHeader({ title, description, id }: { title: ReactNode; description?: ReactNode; id?: string }) {
  return (
    <header className="card-header">
      <h1 id={id}>{title}</h1>
      {description ? <p>{description}</p> : null}
    </header>
  );
}

export function CardFooter({ children }: { children: ReactNode }) {
  return <footer className="card-footer">{children}</footer>;
}
