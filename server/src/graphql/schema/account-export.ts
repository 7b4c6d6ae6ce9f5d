// Taking one's data along: everything Gatehouse holds about the viewer, as one JSON document.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { exportAccount } from "../../core/account/export.service.js";
import { builder } from "../builder.js";

builder.prismaObjectField("User", "dataExport", (t) =>
  t.string({
    authScopes: ownAccountOnly,
    description:
      "JSON text of everything Gatehouse holds about the person (profile, addresses, linked providers, consents, app logins, sessions, API tokens, access requests, memberships, audit events about them). Only from a signed-in browser.",
    resolve: async (_user, _args, ctx) => JSON.stringify(await exportAccount({ ctx }), null, 2),
  }),
);
