import fc from "fast-check";

/** Text that breaks storage or parsing: NUL, lone surrogates, injections, very long text. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "a\udc00b",
    "\udfff\ud800",
    "' OR '1'='1",
    '"; DROP TABLE "User"; --',
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "",
    " ",
    "x".repeat(5000),
    "\u202e\u200b",
    "9007199254740993",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ maxLength: 30 }),
);

/** Values of the wrong type where text belongs: zod and String() trip over these. */
export const wrongType = fc.oneof(
  fc.constantFrom<unknown>(
    { length: { toString: "x" } },
    { length: { valueOf: "y", toString: "x" } },
    { length: 1e9 },
    { toString: "x", valueOf: "y" },
    { toString: { toString: "x" } },
    [],
    ["a", "b"],
    [{ length: { toString: "x" } }],
    {},
    null,
    true,
  ),
  fc.integer(),
  fc.double(),
);

/** Anything that may arrive where a string is expected. */
export const hostileValue = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 2, arbitrary: wrongType });
