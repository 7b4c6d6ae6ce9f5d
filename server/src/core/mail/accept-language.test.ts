import { describe, expect, it } from "vitest";
import { languageFromAcceptLanguage } from "./accept-language.js";

describe("core/mail/accept-language", () => {
  it("picks the highest-ranked language Gatehouse writes in, regions and case aside", () => {
    expect(languageFromAcceptLanguage("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("nl");
    expect(languageFromAcceptLanguage("NL-be")).toBe("nl");
    expect(languageFromAcceptLanguage("en-GB,en;q=0.9,nl;q=0.8")).toBe("en");
    expect(languageFromAcceptLanguage("de-DE,de;q=0.9,nl;q=0.5,en;q=0.4")).toBe("nl");
    expect(languageFromAcceptLanguage("en;q=0.3, nl;q=0.6")).toBe("nl");
    // Equal weight: the header's order decides.
    expect(languageFromAcceptLanguage("nl, en")).toBe("nl");
  });

  it("answers null for no header, a wildcard, other languages and refused or broken weights", () => {
    for (const header of [undefined, null, "", "*", "de-DE,fr;q=0.8", "nl;q=0", "nl;q=abc", "nl;q=2", "nlx, e"]) {
      expect(languageFromAcceptLanguage(header)).toBeNull();
    }
    expect(languageFromAcceptLanguage("nl;q=0, en;q=0.1")).toBe("en");
  });
});
