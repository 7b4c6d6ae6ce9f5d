import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROFILE_PICTURE_RULES } from "../src/core/account/picture.service.js";
import { createPartner } from "./fixtures.js";
import { gql, PASSWORD, signedInPerson } from "./graphql.js";
import { approveLogin, type Browser, callApi, startTestServer, type TestServer } from "./harness.js";
import { pngBomb } from "./images.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Answer = { status: number; body: { picture?: string | null; error?: { code: string; message: string } } };

/** What the account page does: PUT the file's bytes with the session cookie and the CSRF header. */
async function upload(
  browser: Browser | null,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}/account/picture`, {
    method: "PUT",
    headers: {
      "content-type": "application/octet-stream",
      ...(browser ? { cookie: browser.cookieHeader(), "x-gatehouse-csrf": "1" } : {}),
      ...headers,
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
}

const photo = (width: number, height: number, format: "png" | "jpeg" = "png") =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .toFormat(format)
    .withExif({ IFD0: { Copyright: "Secret camera owner", ImageDescription: "Home, 52.37N 4.89E" } })
    .toBuffer();

const VIEWER = `{ viewer { id picture } }`;

describe("test/profile-picture: upload, re-encode, serve", () => {
  it("re-encodes an upload as a 512 px WebP without its metadata, and the picture claim is its absolute URL", async () => {
    const person = await signedInPerson(server);
    const original = await photo(1200, 800, "jpeg");
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const answer = await upload(person.browser, original, { "content-type": "image/jpeg" });
    expect(answer.status).toBe(200);
    const url = answer.body.picture ?? "";
    expect(url).toMatch(new RegExp(`^${server.baseUrl}/pictures/[A-Za-z0-9_-]{22}\\.webp$`));
    expect((await gql(server, person.caller, VIEWER)).data?.viewer.picture).toBe(url);

    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const stored = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 512, height: 512 });
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("Secret camera owner"))).toBe(false);

    // A partner reads the same absolute URL as the `picture` claim.
    const partner = await createPartner(server.db);
    const signToken = await callApi(server, "/sign-token", partner.credentials, {
      redirect_url: "https://example.com/callback",
    });
    const token = String(signToken.body.data.token);
    await approveLogin(person.browser, token);
    const verified = await callApi(server, "/sign-token-verify", partner.credentials, { token });
    expect(verified.body.data.picture).toBe(url);

    // A new upload replaces it: the old URL is gone, the new one serves.
    const second = await upload(person.browser, await photo(300, 300));
    expect(second.status).toBe(200);
    expect(second.body.picture).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect(await server.db.userPicture.count({ where: { userId: person.user.id } })).toBe(1);

    // Removing it clears the claim and the file.
    const removed = await fetch(`${server.baseUrl}/account/picture`, {
      method: "DELETE",
      headers: { cookie: person.browser.cookieHeader(), "x-gatehouse-csrf": "1" },
    });
    expect(await removed.json()).toEqual({ picture: null });
    expect((await fetch(second.body.picture ?? "")).status).toBe(404);
    expect(await server.db.userPicture.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it("refuses a file that is not a JPEG, PNG or WebP, whatever its content type says", async () => {
    const person = await signedInPerson(server);
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`,
    );
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } })
      .gif()
      .toBuffer();
    for (const bytes of [Buffer.from("just some text, not an image"), svg, gif, new Uint8Array()]) {
      const answer = await upload(person.browser, bytes, { "content-type": "image/png" });
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe("VALIDATION_FAILED");
      expect(answer.body.error?.message).toMatch(/JPEG, PNG or WebP|Choose an image/);
    }
    expect((await gql(server, person.caller, VIEWER)).data?.viewer.picture).toBeNull();
  });

  it("refuses a file over 2 MB", async () => {
    const person = await signedInPerson(server);
    // Noise does not compress, so this PNG is really over the limit.
    const noise = Buffer.alloc(1100 * 1100 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 1100, height: 1100, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.byteLength).toBeGreaterThan(PROFILE_PICTURE_RULES.maxBytes);
    const answer = await upload(person.browser, big);
    expect(answer.status).toBe(413);
    expect(answer.body.error?.message).toBe("The image is larger than 2 MB.");
    expect(await server.db.userPicture.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it("refuses an image bomb: a small file claiming a huge canvas, from its header", async () => {
    const person = await signedInPerson(server);
    const bomb = pngBomb(60_000, 60_000);
    expect(bomb.byteLength).toBeLessThan(2048);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      format: "png",
      width: 60_000,
      height: 60_000,
    });
    const answer = await upload(person.browser, bomb);
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: "VALIDATION_FAILED", message: expect.stringMatching(/too many pixels/) } },
    });
    // Just under the pixel limit the header alone does not refuse it (it then fails to decode its data).
    const almost = await upload(person.browser, pngBomb(6000, 6000));
    expect(almost.body.error?.message).not.toMatch(/too many pixels/);
  });

  it("needs the signed-in browser: no CSRF header, no cookie, or an API token are refused", async () => {
    const person = await signedInPerson(server);
    const image = await photo(64, 64);
    const withoutHeader = await fetch(`${server.baseUrl}/account/picture`, {
      method: "PUT",
      headers: { cookie: person.browser.cookieHeader() },
      body: new Uint8Array(image),
    });
    expect(withoutHeader.status).toBe(401);
    expect((await upload(null, image)).status).toBe(401);
    const token = await gql(server, person.caller, CREATE_TOKEN, {
      input: { label: "cli", currentPassword: PASSWORD },
    });
    const bearer = token.data?.createApiToken.data.value as string;
    const byToken = await upload(null, image, { authorization: `Bearer ${bearer}` });
    expect(byToken.status).toBe(403);
    expect(await server.db.userPicture.count({ where: { userId: person.user.id } })).toBe(0);
    expect((await fetch(`${server.baseUrl}/pictures/nothing-here.webp`)).status).toBe(404);
  });
});

const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenSuccess { data { value } }
    ... on Error { message }
  }
}`;
