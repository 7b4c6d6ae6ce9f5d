import { z } from "zod";
import type { Prisma, User } from "../../generated/prisma/client.js";
import { audited } from "../audit/audit.service.js";
import type { ServiceContext } from "../context.js";
import { ValidationError } from "../errors.js";
import { validate } from "../validate.js";
import { accountOwner } from "./account-caller.js";
import { countryByCode } from "./country.js";
import { genderInput } from "./gender.js";

/** Optional text that may be cleared: undefined keeps it, null or blank clears it. */
const clearableText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for the ${what}.`)
    .nullish()
    .transform((value) => (value === "" ? null : value));

const profileInput = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Use at most 100 characters for the name.")
    .optional(),
  givenName: clearableText(100, "given name"),
  familyName: clearableText(100, "family name"),
  picture: z
    .url({ protocol: /^https$/, error: "The picture must be an https:// URL." })
    .max(2048, "The picture URL is too long.")
    .nullish(),
  birthDate: z
    .date()
    .refine((date) => date.getTime() < Date.now(), "The birth date must be in the past.")
    .refine((date) => date.getUTCFullYear() >= 1900, "The birth date must be in 1900 or later.")
    .nullish(),
  gender: genderInput,
  secondEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid second e-mail address.").max(320, "The second e-mail address is too long."))
    .nullish(),
  countryCode: z.string().nullish(),
});

export type ProfileInput = {
  name?: string | null | undefined;
  givenName?: string | null | undefined;
  familyName?: string | null | undefined;
  picture?: string | null | undefined;
  birthDate?: Date | null | undefined;
  gender?: string | null | undefined;
  secondEmail?: string | null | undefined;
  countryCode?: string | null | undefined;
};

type ProfileSummary = Record<string, string | null>;

const summarize = (user: User, countryCode: string | null, keys: string[]): ProfileSummary => {
  const values: ProfileSummary = {
    name: user.name,
    givenName: user.givenName,
    familyName: user.familyName,
    picture: user.picture,
    birthDate: user.birthDate?.toISOString().slice(0, 10) ?? null,
    gender: user.gender,
    secondEmail: user.secondEmail,
    countryCode,
  };
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));
};

/** Changes the signed-in person's own profile; fields left out stay as they are. */
export async function updateProfile({ ctx, input }: { ctx: ServiceContext; input: ProfileInput }): Promise<User> {
  const viewer = accountOwner(ctx);
  const { countryCode, ...fields } = validate(profileInput, input);
  if (fields.secondEmail && fields.secondEmail === viewer.email) {
    const message = "The second e-mail address must differ from your sign-in address.";
    throw new ValidationError(message, [{ field: "secondEmail", message }]);
  }
  // undefined keeps the country, null or blank clears it.
  const country =
    countryCode === undefined ? undefined : countryCode?.trim() ? await countryByCode(ctx.db, countryCode) : null;
  const data: Prisma.UserUncheckedUpdateInput = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  if (country !== undefined) data.countryId = country?.id ?? null;
  const changed = [...Object.keys(fields).filter((key) => data[key as keyof typeof data] !== undefined)];
  if (country !== undefined) changed.push("countryCode");

  return audited(ctx, null, async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, include: { country: true } });
    const after = await tx.user.update({ where: { id: viewer.id }, data });
    return {
      result: after,
      action: "profile.updated",
      targetType: "User",
      targetId: viewer.id,
      before: summarize(before, before.country?.shortName ?? null, changed),
      after: summarize(after, country?.shortName ?? null, changed),
    };
  });
}
