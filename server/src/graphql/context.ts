import type { AuthenticatedServiceContext, ServiceContext } from "../core/context.js";

/** The GraphQL context is the core's service context: resolvers hand it to services as it is. */
export type Context = ServiceContext;

export type AuthenticatedContext = AuthenticatedServiceContext;
