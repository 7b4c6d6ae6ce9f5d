import { expect } from "@playwright/test";

/** A GraphQL session for scripts: signs in with the signIn mutation and keeps the session cookie. */
export async function graphqlSession(url: string, email: string, password: string) {
  let cookie = "";

  async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-gatehouse-csrf": "1", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length > 0) cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
    const body = (await response.json()) as { data?: T; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as T;
  }

  const signIn = await request<{ signIn: { __typename: string; message?: string } }>(
    `mutation E2E_SignIn($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { message } } }`,
    { input: { email, password } },
  );
  expect(signIn.signIn.__typename, signIn.signIn.message).toBe("SignInSuccess");
  return request;
}

/** What platform staff do from their tools: put an account on the PAID plan. */
export async function makePaid(url: string, admin: { email: string; password: string }, email: string) {
  const asAdmin = await graphqlSession(url, admin.email, admin.password);
  const result = await asAdmin<{ setUserPlan: { __typename: string; message?: string } }>(
    `mutation E2E_SetUserPlan($input: SetUserPlanInput!) {
      setUserPlan(input: $input) { __typename ... on Error { message } }
    }`,
    { input: { email, plan: "PAID" } },
  );
  expect(result.setUserPlan.__typename, result.setUserPlan.message).toBe("SetUserPlanSuccess");
}

export type OwnedClient = { clientId: string; domainId: string; domain: string; secret: string };

type Success<T> = { __typename: string; message?: string; data?: T };

/**
 * The owner's setup of journey 1, through the API: a client, the `localhost` domain with login on,
 * `userinfo` enabled, and a secret linked to the domain. A loopback domain cannot publish an ownership
 * proof, so `staff` (the owner's own session when they are staff) vouches for it, as staff do for
 * internal hosts; otherwise only the client's team and test users could sign in through it.
 */
export async function setUpClientByApi(
  request: Awaited<ReturnType<typeof graphqlSession>>,
  name: string,
  staff: Awaited<ReturnType<typeof graphqlSession>> = request,
): Promise<OwnedClient> {
  const ok = <T>(payload: Success<T>): T => {
    expect(payload.__typename, payload.message).toMatch(/Success$/);
    return payload.data as T;
  };
  const errors = "__typename ... on Error { message }";

  const { createClient } = await request<{ createClient: Success<{ id: string }> }>(
    `mutation E2E_CreateClient($input: CreateClientInput!) { createClient(input: $input) { ${errors} ... on CreateClientSuccess { data { id } } } }`,
    { input: { name } },
  );
  const clientId = ok(createClient).id;

  const { createDomain } = await request<{ createDomain: Success<{ id: string; publicId: string }> }>(
    `mutation E2E_CreateDomain($input: CreateDomainInput!) { createDomain(input: $input) { ${errors} ... on CreateDomainSuccess { data { id publicId } } } }`,
    { input: { clientId, rootDomain: "localhost", allowLogin: true, allowApi: true, primary: true } },
  );
  const domain = ok(createDomain);

  const { verifyDomainOwnership } = await staff<{ verifyDomainOwnership: Success<unknown> }>(
    `mutation E2E_VerifyDomain($input: VerifyDomainOwnershipInput!) { verifyDomainOwnership(input: $input) { ${errors} ... on VerifyDomainOwnershipSuccess { data { id } } } }`,
    { input: { domainId: domain.id, note: "Loopback host of an end-to-end journey." } },
  );
  ok(verifyDomainOwnership);

  const { enableClientScope } = await request<{ enableClientScope: Success<unknown> }>(
    `mutation E2E_EnableScope($input: ClientScopeInput!) { enableClientScope(input: $input) { ${errors} ... on EnableClientScopeSuccess { data { enabled } } } }`,
    { input: { clientId, scopeKey: "userinfo" } },
  );
  ok(enableClientScope);

  const { createClientSecret } = await request<{ createClientSecret: Success<{ value: string }> }>(
    `mutation E2E_CreateSecret($input: CreateClientSecretInput!) { createClientSecret(input: $input) { ${errors} ... on CreateClientSecretSuccess { data { value } } } }`,
    { input: { clientId, domainIds: [domain.id] } },
  );
  return { clientId, domainId: domain.publicId, domain: "localhost", secret: ok(createClientSecret).value };
}
