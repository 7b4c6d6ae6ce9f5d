import { randomUUID } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { type DemoCredentials, readGatehouseEnv } from "./env";
import { apiEndpoint, clientHeaders, type PartnerApp, startPartnerApp } from "./partner-app";

export type SignToken = { token: string; url: string; client_id: string; expires_at: string };
export type TestUser = { name: string; email: string; password: string };

type WorkerFixtures = {
  gatehouse: { url: string; demo: DemoCredentials };
  partner: PartnerApp;
};

type TestFixtures = {
  /** What the partner's SDK does first: POST /api/sign-token for a redirect back to the partner. */
  signToken: () => Promise<SignToken>;
  /** Creates an account through the GraphQL API, as a person would through the register form. */
  registeredUser: TestUser;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  gatehouse: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright needs the destructuring pattern.
    async ({}, use) => use(readGatehouseEnv()),
    { scope: "worker" },
  ],
  partner: [
    async ({ gatehouse }, use) => {
      const app = await startPartnerApp(gatehouse.demo);
      await use(app);
      await app.close();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ gatehouse }, use) => use(gatehouse.url),
  signToken: async ({ gatehouse, partner }, use) => {
    await use(async () => {
      const response = await fetch(apiEndpoint(gatehouse.demo.apiUrl, "sign-token"), {
        method: "POST",
        headers: { ...clientHeaders(gatehouse.demo), "Content-Type": "application/json" },
        body: JSON.stringify({ redirect_url: partner.callbackUrl }),
      });
      const envelope = (await response.json()) as { status: string; message?: string; data?: SignToken };
      expect(envelope, `sign-token answered ${response.status}: ${envelope.message}`).toMatchObject({
        status: "success",
        data: { token: expect.any(String), url: expect.any(String), client_id: gatehouse.demo.clientId },
      });
      return envelope.data as SignToken;
    });
  },
  registeredUser: async ({ gatehouse }, use) => {
    const user = newUser("consent-denier");
    const response = await fetch(`${gatehouse.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-gatehouse-csrf": "1" },
      body: JSON.stringify({
        query: `mutation E2E_Register($input: RegisterInput!) { register(input: $input) { __typename } }`,
        variables: { input: { ...user, proofOfWork: await solvedRegistrationCheck(gatehouse.url) } },
      }),
    });
    const body = (await response.json()) as { data?: { register?: { __typename: string } } };
    expect(body.data?.register?.__typename, JSON.stringify(body)).toBe("RegisterSuccess");
    await use(user);
  },
});

export { expect };

/** Solves a registration challenge with altcha-lib's solver, the work the widget does in a browser. */
export async function solvedRegistrationCheck(url: string = readGatehouseEnv().url): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: "query E2E_Challenge { registrationChallenge }" }),
  });
  const body = (await response.json()) as { data?: { registrationChallenge?: string } };
  const challenge = JSON.parse(body.data?.registrationChallenge ?? "null") as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("The registration challenge could not be solved.");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

export function newUser(label: string): TestUser {
  const id = randomUUID().slice(0, 8);
  return { name: `E2E ${label} ${id}`, email: `${label}-${id}@example.test`, password: `correct-horse-${id}` };
}
