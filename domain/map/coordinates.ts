/**
 * Site coordinates (WGS 84 degrees) as people type them: both or neither, inside China's
 * bounding box, so a swapped pair or a typo in the degrees is refused with a reason. Pure.
 */
export const CHINA_BOUNDS = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

export type CoordinateResult =
  | { ok: true; longitude: number | null; latitude: number | null }
  | { ok: false; errors: { longitude?: string; latitude?: string } };

const DECIMAL = /^[+-]?\d{1,3}(\.\d{1,8})?$/;

function readDegrees(raw: string): { kind: "missing" } | { kind: "ok"; value: number } | { kind: "error" } {
  const s = raw.normalize("NFKC").replace(/[°度\s]/g, "");
  if (s === "") return { kind: "missing" };
  if (!DECIMAL.test(s)) return { kind: "error" };
  return { kind: "ok", value: Number(s) };
}

export function inChina(longitude: number, latitude: number): boolean {
  const b = CHINA_BOUNDS;
  return longitude >= b.minLon && longitude <= b.maxLon && latitude >= b.minLat && latitude <= b.maxLat;
}

/** Longitude and latitude typed as decimal degrees (e.g. 118.5876, 24.9087); blank pair = no location. */
export function parseCoordinates(lonRaw: string, latRaw: string): CoordinateResult {
  const lon = readDegrees(lonRaw);
  const lat = readDegrees(latRaw);
  if (lon.kind === "missing" && lat.kind === "missing") return { ok: true, longitude: null, latitude: null };
  const errors: { longitude?: string; latitude?: string } = {};
  if (lon.kind === "error") errors.longitude = "经度请填写十进制度数，例如 118.5876";
  if (lat.kind === "error") errors.latitude = "纬度请填写十进制度数，例如 24.9087";
  if (lon.kind === "missing") errors.longitude = "已填写纬度，请同时填写经度（或两项都不填）";
  if (lat.kind === "missing") errors.latitude = "已填写经度，请同时填写纬度（或两项都不填）";
  if (Object.keys(errors).length > 0 || lon.kind !== "ok" || lat.kind !== "ok") return { ok: false, errors };
  const b = CHINA_BOUNDS;
  if (lon.value < b.minLon || lon.value > b.maxLon) errors.longitude = `经度 ${lon.value} 不在中国范围内（东经 ${b.minLon}–${b.maxLon} 度）`;
  if (lat.value < b.minLat || lat.value > b.maxLat) errors.latitude = `纬度 ${lat.value} 不在中国范围内（北纬 ${b.minLat}–${b.maxLat} 度）`;
  if (errors.longitude && errors.latitude && inChina(lat.value, lon.value)) {
    errors.longitude += "，经度和纬度可能填反了";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, longitude: lon.value, latitude: lat.value };
}

/** A stored pair as the form shows it ("" when none). */
export function coordinateText(v: number | null | undefined): string {
  return v == null ? "" : String(v);
}
