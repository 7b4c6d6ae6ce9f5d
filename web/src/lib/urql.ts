import { Client, cacheExchange, fetchExchange } from "urql";

export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: {
    credentials: "same-origin",
    // The server refuses cookie-authenticated requests without this header (CSRF protection).
    headers: { "x-gatehouse-csrf": "1" },
  },
});
