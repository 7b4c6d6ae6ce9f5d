import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { type ImageRules, reencodeImage } from "./image.js";

const rules = (fit: ImageRules["fit"]): ImageRules => ({
  field: "logo",
  maxBytes: 100_000,
  maxPixels: 1_000_000,
  maxSide: 100,
  fit,
});
const wide = () =>
  sharp({ create: { width: 400, height: 200, channels: 4, background: "#336699" } })
    .png()
    .toBuffer();

describe("src/core/image/image", () => {
  it("crops to a square or keeps the proportions, and always writes WebP", async () => {
    expect(await reencodeImage(await wide(), rules("square"))).toMatchObject({ width: 100, height: 100 });
    const logo = await reencodeImage(await wide(), rules("inside"));
    expect(logo).toMatchObject({ contentType: "image/webp", width: 100, height: 50 });
    expect((await sharp(logo.data).metadata()).format).toBe("webp");
  });

  it("names the rule's field in every refusal", async () => {
    const refusal = await reencodeImage(Buffer.from("not an image"), rules("inside")).catch((error) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect(refusal.fieldErrors).toEqual([
      { field: "logo", message: "This file is not an image. Use a JPEG, PNG or WebP file." },
    ]);
    const big = await reencodeImage(new Uint8Array(100_001), rules("inside")).catch((error) => error);
    expect(big.fieldErrors[0].message).toBe("The image is larger than 0.1 MB.");
    const tall = await sharp({ create: { width: 10, height: 200_000, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const bomb = await reencodeImage(tall, rules("inside")).catch((error) => error);
    expect(bomb.fieldErrors[0].message).toBe("The image has too many pixels: use at most 1 megapixels.");
  });
});
