import { randomText } from "../../core/auth/random.js";

/** A collision-resistant id in the shape of Prisma's cuid() (leading "c", lower-case base 36), made in process. */
export const newId = () => `c${Date.now().toString(36)}${randomText(10, "hex")}`;
