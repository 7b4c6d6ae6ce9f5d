import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { readPayload } from "./mutation";

type Payload =
  | { __typename: "CreateThingSuccess"; data: { id: string } }
  | { __typename: "ValidationError"; message: string; fieldErrors: { field: string; message: string }[] }
  | { __typename: "ConflictError"; message: string };

const pick = (data: { createThing: Payload | null }) => data.createThing;

describe("web/src/lib/mutation.ts readPayload", () => {
  it("answers the success member with its data", () => {
    const outcome = readPayload(
      { data: { createThing: { __typename: "CreateThingSuccess", data: { id: "t1" } } } },
      pick,
      "fallback",
    );
    expect(outcome).toEqual({ ok: true, payload: { __typename: "CreateThingSuccess", data: { id: "t1" } } });
  });

  it("puts a ValidationError's messages on their inputs, by the last segment of the path", () => {
    const outcome = readPayload(
      {
        data: {
          createThing: {
            __typename: "ValidationError",
            message: "Invalid input",
            fieldErrors: [
              { field: "input.name", message: "Too long." },
              { field: "input.name", message: "Second message for the same input." },
              { field: "domainIds", message: "Pick one." },
            ],
          },
        },
      },
      pick,
      "fallback",
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fields).toEqual({ name: "Too long.", domainIds: "Pick one." });
    expect(outcome.form).toBeNull();
    expect(outcome.message).toBe("Too long.");
    expect(outcome.error?.__typename).toBe("ValidationError");
  });

  it("shows any other typed error above the form", () => {
    const outcome = readPayload(
      { data: { createThing: { __typename: "ConflictError", message: "That name is taken." } } },
      pick,
      "fallback",
    );
    expect(outcome).toMatchObject({
      ok: false,
      form: "That name is taken.",
      fields: {},
      message: "That name is taken.",
    });
  });

  it("says the connection failed when the request never reached the server", () => {
    const error = new CombinedError({ networkError: new Error("offline") });
    const outcome = readPayload<{ createThing: Payload | null }, Payload>({ error }, pick, "fallback");
    expect(outcome).toMatchObject({ ok: false, error: null, fields: {} });
    if (outcome.ok) return;
    expect(outcome.form).toMatch(/couldn't reach Gatehouse/);
  });

  it("falls back to the page's sentence when the answer has no payload and no error", () => {
    const outcome = readPayload({ data: { createThing: null } }, pick, "We couldn't create the thing.");
    expect(outcome).toMatchObject({
      ok: false,
      form: "We couldn't create the thing.",
      message: "We couldn't create the thing.",
    });
  });
});
