import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const PROFILE = `{ viewer { id name givenName familyName picture birthDate gender secondEmail plan createdAt
  country { shortName name isoAlpha3 } } }`;
const UPDATE_PROFILE = `mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename
  ... on UpdateProfileSuccess { data { name givenName picture birthDate gender secondEmail country { shortName isoAlpha3 } } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const COUNTRIES = `{ countries { id shortName name isoAlpha3 } }`;
const ADDRESSES = `{ viewer { addresses { id type name firstname lastname street houseNumber city postalCode isDefault createdAt updatedAt country { shortName } } } }`;
const CREATE_ADDRESS = `mutation A($input: CreateAddressInput!) { createAddress(input: $input) { __typename
  ... on CreateAddressSuccess { data { id type name street houseNumber city isDefault country { shortName isoAlpha3 } } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const UPDATE_ADDRESS = `mutation U($input: UpdateAddressInput!) { updateAddress(input: $input) { __typename
  ... on UpdateAddressSuccess { data { id city isDefault country { shortName } } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const DELETE_ADDRESS = `mutation D($input: DeleteAddressInput!) { deleteAddress(input: $input) { __typename
  ... on DeleteAddressSuccess { data { id } } ... on Error { message } } }`;
const SOCIALS = `{ viewer { socials { id platform username url } } }`;
const ADD_SOCIAL = `mutation S($input: AddSocialInput!) { addSocial(input: $input) { __typename
  ... on AddSocialSuccess { data { id platform username url } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const REMOVE_SOCIAL = `mutation R($input: RemoveSocialInput!) { removeSocial(input: $input) { __typename
  ... on RemoveSocialSuccess { data { id platform } } ... on Error { message } } }`;
const CREATE_TOKEN = `mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename
  ... on CreateApiTokenSuccess { data { value } } } }`;

const lastEvent = (action: string, targetId: string) =>
  server.db.auditEvent.findFirstOrThrow({ where: { action, targetId }, orderBy: { createdAt: "desc" } });
const details = (event: { details: string | null }) => JSON.parse(event.details ?? "{}");

describe("test/graphql-account: the viewer's own account", () => {
  it("shows the person their own profile and updates it, resolving ISO-2 or ISO-3 codes, with an audit event", async () => {
    const person = await signedInPerson(server, { name: "Ada Lovelace" });
    const before = await gql(server, person.caller, PROFILE);
    expect(before.data?.viewer).toMatchObject({ name: "Ada Lovelace", plan: "PAID", country: null, gender: null });
    expect(before.data?.viewer.createdAt).toBe(person.user.createdAt.toISOString());

    const updated = await gql(server, person.caller, UPDATE_PROFILE, {
      input: {
        name: " Ada King ",
        givenName: "Ada",
        picture: "https://example.org/ada.png",
        birthDate: "1815-12-10T00:00:00.000Z",
        gender: "female",
        secondEmail: "Ada@Example.ORG",
        countryCode: "gbr",
      },
    });
    // 1815 is before 1900, so it is refused and nothing changes.
    expect(updated.data?.updateProfile).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "birthDate", message: "The birth date must be in 1900 or later." }],
    });
    expect((await server.db.user.findUniqueOrThrow({ where: { id: person.user.id } })).name).toBe("Ada Lovelace");

    const ok = await gql(server, person.caller, UPDATE_PROFILE, {
      input: {
        name: " Ada King ",
        givenName: "Ada",
        picture: "https://example.org/ada.png",
        birthDate: "1990-12-10T00:00:00.000Z",
        gender: "female",
        secondEmail: "Ada@Example.ORG",
        countryCode: "gbr",
      },
    });
    expect(ok.data?.updateProfile).toEqual({
      __typename: "UpdateProfileSuccess",
      data: {
        name: "Ada King",
        givenName: "Ada",
        picture: "https://example.org/ada.png",
        birthDate: "1990-12-10T00:00:00.000Z",
        gender: "female",
        secondEmail: "ada@example.org",
        country: { shortName: "GB", isoAlpha3: "GBR" },
      },
    });
    const event = await lastEvent("profile.updated", person.user.id);
    expect(event).toMatchObject({ actorUserId: person.user.id, clientId: null, targetType: "User" });
    expect(details(event)).toEqual({
      before: {
        name: "Ada Lovelace",
        givenName: null,
        picture: null,
        birthDate: null,
        gender: null,
        secondEmail: null,
        countryCode: null,
      },
      after: {
        name: "Ada King",
        givenName: "Ada",
        picture: "https://example.org/ada.png",
        birthDate: "1990-12-10",
        gender: "female",
        secondEmail: "ada@example.org",
        countryCode: "GB",
      },
    });

    // The gender is one of OpenID Connect's words (any case), or other; free text is refused beside the field.
    for (const gender of ["woman", "m", "unknown value"]) {
      const refused = await gql(server, person.caller, UPDATE_PROFILE, { input: { gender } });
      expect(refused.data?.updateProfile).toMatchObject({
        __typename: "ValidationError",
        fieldErrors: [{ field: "gender", message: "Choose female, male or other, or leave the gender empty." }],
      });
    }
    const other = await gql(server, person.caller, UPDATE_PROFILE, { input: { gender: " Other " } });
    expect(other.data?.updateProfile.data).toMatchObject({ gender: "other" });

    // ISO-2 in lower case works too; null clears; fields left out stay.
    const again = await gql(server, person.caller, UPDATE_PROFILE, { input: { countryCode: "nl", gender: null } });
    expect(again.data?.updateProfile.data).toMatchObject({
      name: "Ada King",
      gender: null,
      country: { shortName: "NL" },
    });
    const stored = await server.db.user.findUniqueOrThrow({
      where: { id: person.user.id },
      include: { country: true },
    });
    expect([stored.country?.isoAlpha3, stored.gender, stored.givenName]).toEqual(["NLD", null, "Ada"]);
  });

  it("names each invalid profile field and changes nothing", async () => {
    const person = await signedInPerson(server, { name: "Grace Hopper" });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "   " }, "name", "Enter your name."],
      [{ name: null }, "name", "Enter your name."],
      [{ picture: "http://example.org/me.png" }, "picture", "The picture must be an https:// URL."],
      [{ secondEmail: "not-an-address" }, "secondEmail", "Enter a valid second e-mail address."],
      [
        { secondEmail: person.email },
        "secondEmail",
        "The second e-mail address must differ from your sign-in address.",
      ],
      [{ countryCode: "XX" }, "countryCode", "Use a two- or three-letter ISO country code, such as NL or NLD."],
      [{ countryCode: "Nederland" }, "countryCode", "Use a two- or three-letter ISO country code, such as NL or NLD."],
      [
        { birthDate: new Date(Date.now() + 86_400_000).toISOString() },
        "birthDate",
        "The birth date must be in the past.",
      ],
    ];
    for (const [input, field, message] of cases) {
      const result = await gql(server, person.caller, UPDATE_PROFILE, { input: { givenName: "Changed", ...input } });
      expect(result.data?.updateProfile.__typename).toBe("ValidationError");
      expect(result.data?.updateProfile.fieldErrors).toEqual([{ field, message }]);
    }
    const stored = await server.db.user.findUniqueOrThrow({ where: { id: person.user.id } });
    expect([stored.name, stored.givenName, stored.picture, stored.secondEmail, stored.countryId]).toEqual([
      "Grace Hopper",
      null,
      null,
      null,
      null,
    ]);
    expect(await server.db.auditEvent.count({ where: { actorUserId: person.user.id } })).toBe(0);
  });

  it("lists every country for pickers", async () => {
    const result = await gql(server, { anonymous: true }, COUNTRIES);
    const countries: { shortName: string; name: string; isoAlpha3: string }[] = result.data?.countries;
    expect(countries.length).toBeGreaterThan(240);
    expect(countries.find((country) => country.shortName === "NL")).toMatchObject({ isoAlpha3: "NLD" });
    expect(countries.find((country) => country.isoAlpha3 === "DEU")).toMatchObject({ shortName: "DE" });
  });

  it("refuses account changes from anonymous callers, client credentials and API tokens; tokens may read", async () => {
    const person = await signedInPerson(server);
    const partner = await createPartner(server.db);
    const input = { input: { name: "Intruder" } };
    expect((await gql(server, { anonymous: true }, UPDATE_PROFILE, input)).data?.updateProfile.__typename).toBe(
      "NotAuthenticatedError",
    );
    const asClient = await gql(server, { client: partner.credentials }, UPDATE_PROFILE, input);
    expect(asClient.data?.updateProfile.__typename).toBe("NotAuthenticatedError");
    expect((await gql(server, { client: partner.credentials }, PROFILE)).data?.viewer).toBeNull();

    const token = (
      await gql(server, person.caller, CREATE_TOKEN, {
        input: { label: "tooling", currentPassword: "correct horse battery" },
      })
    ).data?.createApiToken.data.value;
    const asToken = await gql(server, { bearer: token }, UPDATE_PROFILE, input);
    expect(asToken.data?.updateProfile).toEqual({
      __typename: "ForbiddenError",
      message: "Your account can only be changed from a signed-in browser.",
    });
    const addByToken = await gql(server, { bearer: token }, CREATE_ADDRESS, {
      input: { street: "Main", houseNumber: "1", city: "Delft", countryCode: "NL" },
    });
    expect(addByToken.data?.createAddress.__typename).toBe("ForbiddenError");
    expect((await server.db.user.findUniqueOrThrow({ where: { id: person.user.id } })).name).not.toBe("Intruder");
    expect(await server.db.address.count({ where: { userId: person.user.id } })).toBe(0);
    const read = await gql(server, { bearer: token }, PROFILE);
    expect(read.data?.viewer).toMatchObject({ id: person.user.id, plan: "PAID" });
  });

  it("keeps addresses per person, with at most one default, and audits each change", async () => {
    const person = await signedInPerson(server);
    const other = await signedInPerson(server);
    const home = await gql(server, person.caller, CREATE_ADDRESS, {
      input: {
        name: "Home",
        street: "Oude Delft",
        houseNumber: "1",
        city: "Delft",
        postalCode: "2611 BA",
        countryCode: "nld",
        isDefault: true,
      },
    });
    expect(home.data?.createAddress).toMatchObject({
      __typename: "CreateAddressSuccess",
      data: {
        type: "shipping",
        name: "Home",
        street: "Oude Delft",
        houseNumber: "1",
        city: "Delft",
        isDefault: true,
        country: { shortName: "NL", isoAlpha3: "NLD" },
      },
    });
    const homeId = home.data?.createAddress.data.id;
    const created = await lastEvent("address.created", homeId);
    expect(created).toMatchObject({ actorUserId: person.user.id, clientId: null, targetType: "Address" });
    expect(details(created).after).toMatchObject({ name: "Home", city: "Delft", isDefault: true });

    const work = await gql(server, person.caller, CREATE_ADDRESS, {
      input: {
        name: "Work",
        type: "billing",
        street: "Unter den Linden",
        city: "Berlin",
        countryCode: "DE",
        isDefault: true,
      },
    });
    const workId = work.data?.createAddress.data.id;
    expect(work.data?.createAddress.data.isDefault).toBe(true);
    let listed = await gql(server, person.caller, ADDRESSES);
    expect(
      listed.data?.viewer.addresses.map((a: { city: string; isDefault: boolean }) => [a.city, a.isDefault]),
    ).toEqual([
      ["Berlin", true],
      ["Delft", false],
    ]);

    const moved = await gql(server, person.caller, UPDATE_ADDRESS, {
      input: { addressId: homeId, city: "Leiden", isDefault: true },
    });
    expect(moved.data?.updateAddress).toEqual({
      __typename: "UpdateAddressSuccess",
      data: { id: homeId, city: "Leiden", isDefault: true, country: { shortName: "NL" } },
    });
    expect(details(await lastEvent("address.updated", homeId))).toMatchObject({
      before: { city: "Delft", isDefault: false },
      after: { city: "Leiden", isDefault: true },
    });
    expect(await server.db.address.count({ where: { userId: person.user.id, isDefault: true } })).toBe(1);

    const invalid = await gql(server, person.caller, CREATE_ADDRESS, {
      input: { street: "Somewhere", city: " ", countryCode: "ZZZ" },
    });
    expect(invalid.data?.createAddress.__typename).toBe("ValidationError");
    expect(invalid.data?.createAddress.fieldErrors).toEqual([{ field: "city", message: "Enter the city." }]);
    const badCountry = await gql(server, person.caller, UPDATE_ADDRESS, {
      input: { addressId: workId, countryCode: "ZZZ" },
    });
    expect(badCountry.data?.updateAddress.fieldErrors).toEqual([
      { field: "countryCode", message: "Use a two- or three-letter ISO country code, such as NL or NLD." },
    ]);

    // Another person can neither see nor change these addresses.
    expect((await gql(server, other.caller, ADDRESSES)).data?.viewer.addresses).toEqual([]);
    const hijack = await gql(server, other.caller, UPDATE_ADDRESS, { input: { addressId: workId, city: "Nowhere" } });
    expect(hijack.data?.updateAddress).toEqual({ __typename: "NotFoundError", message: "Address not found." });
    const remove = await gql(server, other.caller, DELETE_ADDRESS, { input: { addressId: workId } });
    expect(remove.data?.deleteAddress).toEqual({ __typename: "NotFoundError", message: "Address not found." });
    expect((await server.db.address.findUniqueOrThrow({ where: { id: Number(workId) } })).city).toBe("Berlin");
    // Ids beyond PostgreSQL's 32-bit integer column name no address (they used to fail in the driver).
    for (const addressId of ["2147483648", "4652204095627540", "not-a-number"]) {
      const outOfRange = await gql(server, person.caller, DELETE_ADDRESS, { input: { addressId } });
      expect(outOfRange.data?.deleteAddress).toEqual({ __typename: "NotFoundError", message: "Address not found." });
    }

    const deleted = await gql(server, person.caller, DELETE_ADDRESS, { input: { addressId: workId } });
    expect(deleted.data?.deleteAddress).toEqual({ __typename: "DeleteAddressSuccess", data: { id: workId } });
    expect(await server.db.address.count({ where: { id: Number(workId) } })).toBe(0);
    expect((await lastEvent("address.deleted", workId)).actorUserId).toBe(person.user.id);
    listed = await gql(server, person.caller, ADDRESSES);
    expect(listed.data?.viewer.addresses.map((a: { id: string }) => a.id)).toEqual([homeId]);
  });

  it("links one social account per platform and removes only the person's own", async () => {
    const person = await signedInPerson(server);
    const other = await signedInPerson(server);
    const added = await gql(server, person.caller, ADD_SOCIAL, {
      input: { platform: "GitHub", username: "ada", url: "https://github.com/ada" },
    });
    expect(added.data?.addSocial).toMatchObject({
      __typename: "AddSocialSuccess",
      data: { platform: "github", username: "ada", url: "https://github.com/ada" },
    });
    const socialId = added.data?.addSocial.data.id;
    const event = await lastEvent("social.added", socialId);
    expect(event).toMatchObject({ actorUserId: person.user.id, clientId: null });
    expect(details(event)).toEqual({ before: null, after: { platform: "github", username: "ada" } });

    const duplicate = await gql(server, person.caller, ADD_SOCIAL, {
      input: { platform: "github ", username: "ada2" },
    });
    expect(duplicate.data?.addSocial).toEqual({
      __typename: "ConflictError",
      message: "You already linked a github account.",
    });
    const badUrl = await gql(server, person.caller, ADD_SOCIAL, {
      input: { platform: "mastodon", username: "ada", url: "javascript:alert(1)" },
    });
    expect(badUrl.data?.addSocial.fieldErrors).toEqual([
      { field: "url", message: "The profile link must be an https:// URL." },
    ]);
    // The same platform is free for another person.
    expect(
      (await gql(server, other.caller, ADD_SOCIAL, { input: { platform: "github", username: "grace" } })).data
        ?.addSocial.__typename,
    ).toBe("AddSocialSuccess");
    expect(
      (await gql(server, other.caller, SOCIALS)).data?.viewer.socials.map((s: { username: string }) => s.username),
    ).toEqual(["grace"]);

    const stolen = await gql(server, other.caller, REMOVE_SOCIAL, { input: { socialId } });
    expect(stolen.data?.removeSocial).toEqual({ __typename: "NotFoundError", message: "Social account not found." });
    expect(await server.db.social.count({ where: { id: socialId } })).toBe(1);
    const removed = await gql(server, person.caller, REMOVE_SOCIAL, { input: { socialId } });
    expect(removed.data?.removeSocial).toEqual({
      __typename: "RemoveSocialSuccess",
      data: { id: socialId, platform: "github" },
    });
    expect((await gql(server, person.caller, SOCIALS)).data?.viewer.socials).toEqual([]);
    expect((await lastEvent("social.removed", socialId)).actorUserId).toBe(person.user.id);
  });
});
