import { describe, expect, it } from "vitest";
import { afterThisTurnsReads } from "./answer-batch.js";

describe("afterThisTurnsReads", () => {
  it("lets every answer of one turn wait for the same moment, after the turn's remaining work", async () => {
    const order: string[] = [];
    const first = afterThisTurnsReads().then(() => order.push("first answer"));
    // Another request read later in the same turn, and its handler's own asynchronous steps.
    const second = afterThisTurnsReads().then(() => order.push("second answer"));
    await Promise.resolve();
    order.push("handler work");
    await Promise.all([first, second]);
    expect(order).toEqual(["handler work", "first answer", "second answer"]);
  });

  it("starts a new batch once the previous one is out", async () => {
    const earlier = afterThisTurnsReads();
    expect(afterThisTurnsReads()).toBe(earlier);
    await earlier;
    const later = afterThisTurnsReads();
    expect(later).not.toBe(earlier);
    await later;
  });

  it("holds no answer past its own turn: what is queued after the batch waits for the next one", async () => {
    const order: string[] = [];
    const answered = afterThisTurnsReads().then(() => order.push("answer"));
    setImmediate(() => order.push("read queued after the first answer"));
    await answered;
    // Immediates run in the order they were queued: the batch's came first, so it does not wait for later ones.
    expect(order).toEqual(["answer"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["answer", "read queued after the first answer"]);
  });
});
