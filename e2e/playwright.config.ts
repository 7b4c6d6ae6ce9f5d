import { defineConfig } from "@playwright/test";

// Browsers cannot be downloaded on our machines: Playwright drives Debian's Chromium.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "artifacts",
  globalSetup: "./support/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // scripts/test.sh asks for a JSON report too, to print one summary line for the whole suite.
  reporter: process.env.TEST_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.TEST_JSON_REPORT }]] : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
    screenshot: "on",
    trace: "retain-on-failure",
    // A stuck redirect should fail with its own message, not the 60 s test timeout.
    navigationTimeout: 15_000,
    actionTimeout: 10_000,
    viewport: { width: 1280, height: 860 },
  },
});
