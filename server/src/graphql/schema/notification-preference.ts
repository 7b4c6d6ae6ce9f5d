// Which mails the person gets: one switch per kind; security mail is always sent.

import { ownAccountOnly } from "../../core/account/account-caller.js";
import {
  type NotificationPreference,
  notificationPreferences,
  setNotificationPreference,
} from "../../core/account/notification-preference.service.js";
import { ForbiddenError, NotAuthenticatedError, ValidationError } from "../../core/errors.js";
import { NOTIFICATION_KINDS } from "../../core/notification/notification.js";
import { builder } from "../builder.js";
import { UserType } from "./user.js";

const NotificationKindEnum = builder.enumType("NotificationKind", {
  description:
    "ACCESS_REQUEST: a client asks you for access or to test its app. VERIFICATION: requests and decisions about a client you own. INVITATION: someone answered an invitation to a client you own. SECRET_EXPIRING: a secret of a client you own expires within 14 days. SIGN_IN: your account was signed in to from a new device and network.",
  values: NOTIFICATION_KINDS,
});

const NotificationPreferenceType = builder.objectRef<NotificationPreference>("NotificationPreference").implement({
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, resolve: (preference) => preference.kind }),
    enabled: t.exposeBoolean("enabled"),
  }),
});

builder.prismaObjectField("User", "notificationPreferences", (t) =>
  t.field({
    type: [NotificationPreferenceType],
    authScopes: ownAccountOnly,
    description:
      "One switch per kind of mail; e-mail confirmation, password reset and account deletion mail always go.",
    resolve: (user, _args, ctx) => notificationPreferences(ctx, user.id),
  }),
);

builder.mutationField("setNotificationPreference", (t) =>
  t.field({
    type: UserType,
    args: {
      input: t.arg({
        type: builder.inputType("SetNotificationPreferenceInput", {
          fields: (f) => ({ kind: f.field({ type: NotificationKindEnum }), enabled: f.boolean() }),
        }),
      }),
    },
    errors: { types: [NotAuthenticatedError, ForbiddenError, ValidationError] },
    resolve: (_root, { input }, ctx) => setNotificationPreference({ ctx, kind: input.kind, enabled: input.enabled }),
  }),
);
