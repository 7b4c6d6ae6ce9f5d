/** The person's theme: SYSTEM follows the device (prefers-color-scheme); the CSS reads data-theme on <html>. */
export type ThemeChoice = "SYSTEM" | "LIGHT" | "DARK";

const STORAGE_KEY = "gatehouse-theme";
const isChoice = (value: unknown): value is ThemeChoice => value === "SYSTEM" || value === "LIGHT" || value === "DARK";

function setAttribute(theme: ThemeChoice) {
  const root = document.documentElement;
  if (theme === "SYSTEM") delete root.dataset.theme;
  else root.dataset.theme = theme.toLowerCase();
}

/** Shows `theme` now and remembers it on this device, so signed-out pages keep the account's choice. */
export function applyTheme(theme: ThemeChoice) {
  setAttribute(theme);
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage may be off (private windows): the account still remembers the choice.
  }
}

/** At start-up, before the account answers: the last choice made on this device. */
export function applyRememberedTheme() {
  try {
    const remembered = localStorage.getItem(STORAGE_KEY);
    if (isChoice(remembered)) setAttribute(remembered);
  } catch {
    // No storage: follow the device.
  }
}
