import { useEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";

export type TabItem = { to: string; label: string; end?: boolean };

/** Section navigation as links (each section has its own URL); scrolls sideways on narrow screens. */
export function Tabs({ items, label }: { items: readonly TabItem[]; label: string }) {
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // On a phone the strip scrolls; keep the current section in view.
  useEffect(() => {
    if (!pathname) return;
    navRef.current
      ?.querySelector<HTMLElement>('[aria-current="page"]')
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);

  return (
    <nav className="tabs" aria-label={label} ref={navRef}>
      <ul className="tabs-list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} className="tabs-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
