import { createHash } from "node:crypto";
import exifr from "exifr";
import sharp, { type Metadata, type Sharp } from "sharp";
import type { Refusal } from "@/domain/evidence/messages";
import type { EvidenceSettings } from "@/domain/evidence/settings";
import { checkOfficeZip } from "./office";

/**
 * What an uploaded file is, decided from its bytes (never its name or the browser's type), and
 * the copies that may be stored and served: photos are decoded and re-encoded by sharp (turned
 * upright by their EXIF orientation, every metadata field dropped: GPS, camera, owner), a
 * thumbnail for lists and a difference hash for the reuse check. Only the capture time and GPS
 * position are read from the original's EXIF, before re-encoding, for the provenance checks.
 *
 * HEIC: sharp's prebuilt binaries carry libheif with the AV1 decoder only (AVIF), not HEVC, so an
 * iPhone HEIC photo cannot be decoded here and is refused with a message saying what to do.
 */
export type Inspected =
  | { ok: false; code: Refusal; n?: number }
  | {
      ok: true;
      kind: "photo";
      mime: "image/jpeg";
      originalSha256: string;
      file: Buffer;
      thumb: Buffer;
      width: number;
      height: number;
      takenAt: string | null;
      gps: { latitude: number; longitude: number } | null;
      phash: string;
    }
  | { ok: true; kind: "document"; mime: string; ext: string; originalSha256: string; file: Buffer };

type Sniffed = "jpeg" | "png" | "webp" | "heif" | "pdf" | "zip" | "ole" | null;

export function sniff(b: Buffer): Sniffed {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (b.length >= 12 && b.toString("latin1", 4, 8) === "ftyp") return "heif";
  if (b.length >= 5 && b.toString("latin1", 0, 5) === "%PDF-") return "pdf";
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return "zip";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "ole";
  return null;
}

const IMAGE_EXT = /\.(jpe?g|png|webp|heic|heif|avif)$/i;

export const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** "2023:03:02 10:11:12" (EXIF) → "2023-03-02T10:11:12", or null when absent or malformed. */
export function exifTime(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m || m[1] === "0000") return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

async function readExif(b: Buffer): Promise<{ takenAt: string | null; gps: { latitude: number; longitude: number } | null }> {
  try {
    const tags = (await exifr.parse(b, { pick: ["DateTimeOriginal", "CreateDate"], reviveValues: false })) as Record<string, unknown> | undefined;
    const pos = (await exifr.gps(b).catch(() => undefined)) as { latitude?: number; longitude?: number } | undefined;
    const ok = (n: unknown, lim: number): n is number => typeof n === "number" && Number.isFinite(n) && Math.abs(n) <= lim;
    const gps = pos && ok(pos.latitude, 90) && ok(pos.longitude, 180) && !(pos.latitude === 0 && pos.longitude === 0) ? { latitude: pos.latitude, longitude: pos.longitude } : null;
    return { takenAt: exifTime(tags?.DateTimeOriginal ?? tags?.CreateDate), gps };
  } catch {
    return { takenAt: null, gps: null };
  }
}

/**
 * 64-bit difference hash: the upright picture in greyscale at 9×8, one bit per horizontal
 * neighbour pair (is the left pixel brighter?). See domain/evidence/provenance.ts for why a few
 * differing bits mean "the same photo".
 */
export async function differenceHash(input: Buffer | Sharp): Promise<string> {
  const img = Buffer.isBuffer(input) ? sharp(input) : input;
  const px = await img.rotate().greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer();
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) bits = (bits << 1n) | (px[y * 9 + x]! > px[y * 9 + x + 1]! ? 1n : 0n);
  }
  return bits.toString(16).padStart(16, "0");
}

async function inspectImage(b: Buffer, s: EvidenceSettings, heif: boolean): Promise<Inspected> {
  const opts = { limitInputPixels: s.maxPixels, failOn: "error" as const };
  let meta: Metadata;
  try {
    // The header only (no pixels decoded), so the size can be refused with its own message.
    meta = await sharp(b, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, code: heif ? "heic" : "broken-image" };
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > s.maxPixels) {
    return { ok: false, code: "pixels", n: w * h };
  }
  const exif = await readExif(b);
  try {
    // No withMetadata(): sharp writes none of the input's EXIF, XMP, IPTC or ICC into the output.
    const file = await sharp(b, opts).rotate().flatten({ background: "#ffffff" }).resize({ width: 2560, height: 2560, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer({ resolveWithObject: true });
    const thumb = await sharp(file.data).resize({ width: 320, height: 320, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 72 }).toBuffer();
    const phash = await differenceHash(file.data);
    return { ok: true, kind: "photo", mime: "image/jpeg", originalSha256: sha256(b), file: file.data, thumb, width: file.info.width, height: file.info.height, takenAt: exif.takenAt, gps: exif.gps, phash };
  } catch {
    return { ok: false, code: heif ? "heic" : "broken-image" };
  }
}



export async function inspectUpload(b: Buffer, name: string, s: EvidenceSettings): Promise<Inspected> {
  if (b.length === 0) return { ok: false, code: "empty" };
  if (b.length > s.maxFileBytes) return { ok: false, code: "too-big" };
  const kind = sniff(b);
  if (kind === "jpeg" || kind === "png" || kind === "webp" || kind === "heif") return inspectImage(b, s, kind === "heif");
  if (kind === "pdf") return { ok: true, kind: "document", mime: "application/pdf", ext: "pdf", originalSha256: sha256(b), file: b };
  if (kind === "zip") {
    const office = await checkOfficeZip(b, { maxEntries: 2000, maxInflatedBytes: Math.max(40 * 1024 * 1024, s.maxFileBytes * 4) });
    if (!office.ok) return office;
    return { ok: true, kind: "document", mime: office.mime, ext: office.ext, originalSha256: sha256(b), file: b };
  }
  if (kind === "ole") return { ok: false, code: "old-office" };
  return { ok: false, code: IMAGE_EXT.test(name) ? "fake-image" : "unknown-type" };
}
