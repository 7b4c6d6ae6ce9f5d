import { z } from "zod";

/**
 * The genders a profile may hold: OpenID Connect's `female` and `male`, and `other` where neither applies
 * (the spec allows other values; XWMS sends lower-case words such as "male"). Unset is null.
 */
export const GENDERS = ["female", "male", "other"] as const;

export type Gender = (typeof GENDERS)[number];

/** undefined keeps the gender, null or blank clears it; any other value must be one of GENDERS. */
export const genderInput = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() || null : value),
  z.enum(GENDERS, { error: "Choose female, male or other, or leave the gender empty." }).nullish(),
);
