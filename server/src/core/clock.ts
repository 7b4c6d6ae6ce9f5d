/** The time the rules go by. Injected, so tests can move it (a secret's grace period) without waiting. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
