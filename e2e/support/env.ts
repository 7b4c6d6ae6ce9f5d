/** What `pnpm demo:credentials` prints for the seeded demo client. */
export type DemoCredentials = {
  adminEmail: string;
  adminPassword: string;
  clientId: string;
  clientSecret: string;
  domain: string;
  domainId: string;
  apiUrl: string;
};

// Global setup runs in the runner process; workers inherit its environment.
export const ENV_URL = "GATEHOUSE_E2E_URL";
export const ENV_DEMO = "GATEHOUSE_E2E_DEMO";
export const ENV_OUTBOX = "GATEHOUSE_E2E_OUTBOX";
/** The run's DATABASE_URL, for journeys that use the `gatehouse` command line like an operator. */
export const ENV_DATABASE = "GATEHOUSE_E2E_DATABASE_URL";

export function readGatehouseEnv(): { url: string; demo: DemoCredentials } {
  const url = process.env[ENV_URL];
  const demo = process.env[ENV_DEMO];
  if (!url || !demo)
    throw new Error("The e2e global setup did not run: start the tests with `pnpm exec playwright test`.");
  return { url, demo: JSON.parse(demo) as DemoCredentials };
}
