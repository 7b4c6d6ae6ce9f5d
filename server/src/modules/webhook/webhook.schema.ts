// The webhook part of the GraphQL schema (filled in by its module).
export {};
