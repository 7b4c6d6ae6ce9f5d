import sharp from "sharp";
import { ValidationError } from "../errors.js";

/** What an uploaded image must respect, and what it becomes. */
export type ImageRules = {
  /** The input field the refusals name. */
  field: string;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest image accepted, in pixels (width × height), read from its header before anything is decoded. */
  maxPixels: number;
  /** The stored image is at most this many pixels wide and high. */
  maxSide: number;
  /** Crop to a square of maxSide (a profile picture) or keep the proportions (a logo). */
  fit: "square" | "inside";
};

export type StoredImage = { data: Buffer; contentType: "image/webp"; width: number; height: number };

/** Raster formats only: SVG can carry script, and everything else is rare for pictures and logos. */
export const ACCEPTED_IMAGE_FORMATS = ["jpeg", "png", "webp"] as const;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Checks an uploaded image and re-encodes it as WebP: the stored file is one Gatehouse wrote itself,
 * without the upload's metadata (EXIF location, comments) or anything hidden after the pixels.
 * The file's bytes decide its type, never the name or content type the browser sent. Refusals are
 * ValidationErrors on `rules.field`.
 */
export async function reencodeImage(input: Uint8Array, rules: ImageRules): Promise<StoredImage> {
  const refuse = (message: string): never => {
    throw new ValidationError(message, [{ field: rules.field, message }]);
  };
  if (input.byteLength === 0) refuse("Choose an image file.");
  if (input.byteLength > rules.maxBytes) refuse(`The image is larger than ${megabytes(rules.maxBytes)}.`);
  const options = { limitInputPixels: rules.maxPixels, failOn: "error" as const, animated: false };
  // Reading the header decodes no pixels, so it needs no limit; the size is checked just below with a clear message.
  const metadata = await sharp(input, { ...options, limitInputPixels: false })
    .metadata()
    .catch(() => refuse("This file is not an image. Use a JPEG, PNG or WebP file."));
  if (!(ACCEPTED_IMAGE_FORMATS as readonly string[]).includes(metadata.format ?? "")) {
    refuse("Use a JPEG, PNG or WebP image.");
  }
  const { width = 0, height = 0 } = metadata;
  // A small file can claim a huge canvas (an image bomb): refused from the header, before decoding.
  if (width < 1 || height < 1 || width * height > rules.maxPixels) {
    refuse(`The image has too many pixels: use at most ${Math.floor(rules.maxPixels / 1_000_000)} megapixels.`);
  }
  const { data, info } = await sharp(input, options)
    .rotate()
    .resize(rules.maxSide, rules.maxSide, rules.fit === "square" ? { fit: "cover" } : { fit: "inside" })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => refuse("This image could not be read. Try another file."));
  return { data, contentType: "image/webp", width: info.width, height: info.height };
}
