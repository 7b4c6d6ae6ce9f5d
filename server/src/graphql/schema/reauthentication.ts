// Confirming a sensitive change with a code mailed to the viewer (accounts without an app or a passkey).

import { ownAccountOnly } from "../../core/account/account-caller.js";
import { ConflictError, ForbiddenError, NotAuthenticatedError, RateLimitedError } from "../../core/errors.js";
import { emailCodeMayConfirm, sendReauthenticationCode } from "../../core/security/reauthentication-code.js";
import { builder } from "../builder.js";

builder.mutationField("sendReauthenticationCode", (t) =>
  t.string({
    description:
      "Mails the viewer a 6-digit code that confirms one sensitive change (send it as `code`); a new one replaces the last. Answers the address, masked.",
    errors: { types: [NotAuthenticatedError, ForbiddenError, ConflictError, RateLimitedError] },
    resolve: (_root, _args, ctx) => sendReauthenticationCode({ ctx }),
  }),
);

builder.prismaObjectField("User", "canConfirmWithEmailCode", (t) =>
  t.boolean({
    authScopes: ownAccountOnly,
    description:
      "True when a code by e-mail (sendReauthenticationCode) confirms sensitive changes: a confirmed address, and neither an authenticator app nor a passkey.",
    select: { id: true, emailVerified: true },
    resolve: (user, _args, ctx) => emailCodeMayConfirm(ctx, user),
  }),
);
