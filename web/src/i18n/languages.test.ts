import { describe, expect, it } from "vitest";
import { languageOfTag, resolveLanguage } from "./languages";

describe("web/src/i18n/languages: which language the pages speak", () => {
  it("takes the account's choice over the device's and the browser's", () => {
    expect(resolveLanguage({ account: "nl", device: "en", browser: ["en-US"] })).toBe("nl");
    expect(resolveLanguage({ account: "en", device: "nl", browser: ["nl-NL"] })).toBe("en");
  });

  it("takes the switch used on this device over the browser's languages", () => {
    expect(resolveLanguage({ account: null, device: "nl", browser: ["en-US", "en"] })).toBe("nl");
  });

  it("takes the first browser language Gatehouse speaks, with or without a region", () => {
    expect(resolveLanguage({ browser: ["nl-BE", "en"] })).toBe("nl");
    expect(resolveLanguage({ browser: ["de-DE", "fr", "NL"] })).toBe("nl");
    expect(resolveLanguage({ browser: ["de-DE", "en-GB", "nl"] })).toBe("en");
  });

  it("falls back to English", () => {
    expect(resolveLanguage({ browser: ["de-DE", "fr"] })).toBe("en");
    expect(resolveLanguage({})).toBe("en");
    expect(languageOfTag("nlx")).toBeNull();
  });
});
