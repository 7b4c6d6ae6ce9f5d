import type { Client } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";

/** The client's own settings that one switch or field changes, each audited with its value before and after. */
type ClientSetting = "name" | "subjectType" | "oidcPublic" | "backchannelLogoutUri";

/**
 * Sets one of a client's settings and records `action` with the value before and after, in one transaction.
 * The caller has checked the permission and validated the value.
 */
export function changeClientSetting<K extends ClientSetting>(
  ctx: ServiceContext,
  clientId: string,
  action: string,
  setting: K,
  value: Client[K],
): Promise<Client> {
  return audited(ctx, clientId, async (tx) => {
    const before = await tx.client.findUniqueOrThrow({ where: { id: clientId } });
    const after = await tx.client.update({ where: { id: clientId }, data: { [setting]: value } });
    return {
      result: after,
      action,
      targetType: "Client",
      targetId: clientId,
      before: { [setting]: before[setting] },
      after: { [setting]: after[setting] },
    };
  });
}
