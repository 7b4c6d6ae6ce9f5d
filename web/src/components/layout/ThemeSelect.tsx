import { type ChangeEvent, useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../lib/graphql";
import { applyTheme, type ThemeChoice } from "../../lib/theme";

const ThemeSelect_Set = graphql(`
  mutation ThemeSelect_Set($input: SetThemeInput!) {
    setTheme(input: $input) {
      __typename
      ... on SetThemeSuccess {
        data {
          id
          theme
        }
      }
    }
  }
`);

/** The header's theme picker: applies at once and is remembered for the account. */
export function ThemeSelect({ theme }: { theme: ThemeChoice }) {
  const id = useId();
  const { t } = useTranslation();
  const [, setTheme] = useMutation(ThemeSelect_Set);
  useEffect(() => applyTheme(theme), [theme]);

  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value as ThemeChoice;
    applyTheme(next);
    void setTheme({ input: { theme: next } });
  }

  return (
    <div className="header-select">
      <label htmlFor={id} className="visually-hidden">
        {t("theme.label")}
      </label>
      <select id={id} value={theme} onChange={handleChange}>
        <option value="SYSTEM">{t("theme.system")}</option>
        <option value="LIGHT">{t("theme.light")}</option>
        <option value="DARK">{t("theme.dark")}</option>
      </select>
    </div>
  );
}
