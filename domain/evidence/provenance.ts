/**
 * Provenance checks on a photo attached to a record: when and where it was taken, and whether the
 * same picture is already on another month or another project. They only flag (never block): a
 * reviewer reads the flag beside the photo and decides. Pure, so every rule is unit-tested.
 */
import { addMonths, monthLabel } from "../months";

export interface PhotoFacts {
  id: number;
  /** The reporting month the photo is attached to (YYYY-MM). */
  month: string;
  /** EXIF capture time, camera wall clock "YYYY-MM-DDTHH:MM:SS" (taken as China time), or null. */
  takenAt: string | null;
  /** When it was uploaded (ISO instant, UTC). */
  uploadedAt: string;
  gps: { latitude: number; longitude: number } | null;
  phash: string | null;
}

export interface SiteFacts {
  /** The project's coordinates (WGS 84), when entered. */
  coordinates: { latitude: number; longitude: number } | null;
}

/** Another photo of the same campaign, for the reuse check. */
export interface OtherPhoto {
  id: number;
  projectId: number;
  projectCode: string;
  month: string | null;
  phash: string;
}

export type FlagRule = "no_time" | "taken_before_month" | "taken_after_month" | "taken_after_upload" | "no_location" | "far_from_site" | "reused";

export interface ProvenanceFlag {
  rule: FlagRule;
  text: string;
}

export interface ProvenanceSettings {
  locationKm: number;
  hashDistance: number;
  graceDays: number;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The instant a China wall-clock time stands for. */
function chinaInstant(local: string): number {
  return Date.parse(`${local.slice(0, 19)}Z`) - CHINA_OFFSET_MS;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Capture time against the reporting month and the upload time. */
export function timeFlags(p: Pick<PhotoFacts, "month" | "takenAt" | "uploadedAt">, s: Pick<ProvenanceSettings, "graceDays">): ProvenanceFlag[] {
  if (!p.takenAt) return [{ rule: "no_time", text: "照片不含拍摄时间（EXIF），无法核对拍摄日期" }];
  const day = p.takenAt.slice(0, 10);
  const flags: ProvenanceFlag[] = [];
  const diff = monthIndex(p.month) - monthIndex(day.slice(0, 7));
  if (diff > 0) {
    flags.push({ rule: "taken_before_month", text: `拍摄时间 ${day}，早于本月 ${diff} 个月` });
  } else if (diff < 0) {
    // A month is reported in the first days of the next: a photo taken then still shows the month's state.
    const monthEnd = chinaInstant(`${addMonths(p.month, 1)}-01T00:00:00`);
    if (chinaInstant(p.takenAt) >= monthEnd + s.graceDays * 86_400_000) {
      flags.push({ rule: "taken_after_month", text: `拍摄时间 ${day}，晚于本月 ${-diff} 个月` });
    }
  }
  // A day of slack for cameras set to another time zone.
  if (chinaInstant(p.takenAt) > Date.parse(p.uploadedAt) + 86_400_000) {
    flags.push({ rule: "taken_after_upload", text: `拍摄时间 ${day} 晚于上传时间，相机时间可能有误` });
  }
  return flags;
}

/** Great-circle distance in km (haversine, mean Earth radius): ample for "is it at the site". */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function kmText(km: number): string {
  return km >= 10 ? km.toFixed(0) : km.toFixed(1);
}

/** Capture position against the project's coordinates, when both exist. */
export function locationFlags(p: Pick<PhotoFacts, "gps">, site: SiteFacts, s: Pick<ProvenanceSettings, "locationKm">): ProvenanceFlag[] {
  if (!site.coordinates) return [];
  if (!p.gps) return [{ rule: "no_location", text: "照片不含拍摄位置，无法与项目位置核对" }];
  const km = distanceKm(p.gps, site.coordinates);
  if (km <= s.locationKm) return [];
  return [{ rule: "far_from_site", text: `拍摄地点距项目位置约 ${kmText(km)} 公里` }];
}

/** Bits that differ between two 64-bit hashes written as 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/**
 * The same or a near-identical picture on another project, or on another month of this project.
 * A difference hash (9×8 greyscale gradients) survives re-compression, resizing and small colour
 * changes, which move a handful of bits; two different scenes differ in about half of the 64. A
 * threshold of a few bits therefore catches a re-sent or re-saved photo while two honest photos of
 * the same site a month apart (camera moved, work advanced) stay apart.
 */
export function reuseFlags(p: Pick<PhotoFacts, "id" | "month" | "phash">, projectId: number, others: readonly OtherPhoto[], s: Pick<ProvenanceSettings, "hashDistance">): ProvenanceFlag[] {
  if (!p.phash) return [];
  const seen = new Set<string>();
  const flags: ProvenanceFlag[] = [];
  for (const o of others) {
    if (o.id === p.id) continue;
    if (o.projectId === projectId && o.month === p.month) continue;
    const d = hammingDistance(p.phash, o.phash);
    if (d > s.hashDistance) continue;
    const where = `${o.projectCode} ${o.month ? monthLabel(o.month) : ""}`.trim();
    if (seen.has(where)) continue;
    seen.add(where);
    flags.push({ rule: "reused", text: `与 ${where}的照片${d === 0 ? "相同" : "几乎相同"}` });
  }
  return flags;
}

export function provenanceFlags(p: PhotoFacts, projectId: number, site: SiteFacts, others: readonly OtherPhoto[], s: ProvenanceSettings): ProvenanceFlag[] {
  return [...timeFlags(p, s), ...locationFlags(p, site, s), ...reuseFlags(p, projectId, others, s)];
}
