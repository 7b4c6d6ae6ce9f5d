import { builder } from "./builder.js";

// Enums that mirror the Prisma model and that several modules use; declared once here, because two
// declarations of one GraphQL name break the schema.
export const ScopeTierEnum = builder.enumType("ScopeTier", { values: ["BASIC", "VERIFIED"] as const });
export const PlanEnum = builder.enumType("Plan", { values: ["FREE", "PAID"] as const });
export const AccessRequestKindEnum = builder.enumType("AccessRequestKind", {
  values: ["ACCESS", "TEST_USER"] as const,
});
export const AccessRequestStatusEnum = builder.enumType("AccessRequestStatus", {
  values: ["PENDING", "ACCEPTED", "DECLINED", "CANCELLED"] as const,
});
