// The staff part of the GraphQL schema (filled in by its module).
export {};
