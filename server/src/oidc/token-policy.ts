/**
 * A client learns about its own tokens only: another client's token introspects as inactive (RFC 7662 §4), so
 * one partner cannot probe whether a token of another partner is live, whose it is or what it may do.
 * oidc-provider's introspection and the fast path both ask this.
 */
export const mayIntrospect = (client: { clientId: string }, token: { clientId?: string | undefined }): boolean =>
  token.clientId === client.clientId;
