/**
 * Limits and thresholds for evidence uploads, from the environment (README: Configuration).
 * Pure: the caller passes the environment, so tests can pass their own.
 */
export interface EvidenceSettings {
  /**
   * Largest file accepted, bytes (TUIJIN_EVIDENCE_MAX_FILE_MB, default 8, at most 9): Next.js
   * buffers a request body for proxy.ts only up to 10 MB, so a larger upload would arrive cut short.
   */
  maxFileBytes: number;
  /** Largest total of one record's attachments (a project's month, a problem …), bytes (TUIJIN_EVIDENCE_MAX_RECORD_MB, default 40). */
  maxRecordBytes: number;
  /** Largest image accepted, pixels (TUIJIN_EVIDENCE_MAX_MEGAPIXELS, default 50): a decompression-bomb limit. */
  maxPixels: number;
  /** A photo taken further than this from the project's coordinates is flagged (TUIJIN_EVIDENCE_LOCATION_KM, default 2). */
  locationKm: number;
  /** Difference-hash Hamming distance at or below which two photos count as the same (TUIJIN_EVIDENCE_HASH_DISTANCE, default 6). */
  hashDistance: number;
  /** Days after a month's end a photo may be taken and still count for that month (TUIJIN_EVIDENCE_GRACE_DAYS, default 10). */
  graceDays: number;
}

function num(env: Record<string, string | undefined>, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

export function evidenceSettings(env: Record<string, string | undefined>): EvidenceSettings {
  const mb = 1024 * 1024;
  return {
    maxFileBytes: Math.round(num(env, "TUIJIN_EVIDENCE_MAX_FILE_MB", 8, 0.01, 9) * mb),
    maxRecordBytes: Math.round(num(env, "TUIJIN_EVIDENCE_MAX_RECORD_MB", 40, 0.01, 1000) * mb),
    maxPixels: Math.round(num(env, "TUIJIN_EVIDENCE_MAX_MEGAPIXELS", 50, 1, 500) * 1_000_000),
    locationKm: num(env, "TUIJIN_EVIDENCE_LOCATION_KM", 2, 0.01, 1000),
    hashDistance: Math.round(num(env, "TUIJIN_EVIDENCE_HASH_DISTANCE", 6, 0, 32)),
    graceDays: Math.round(num(env, "TUIJIN_EVIDENCE_GRACE_DAYS", 10, 0, 60)),
  };
}

/** "10 MB", "0.5 MB": a limit as people read it. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
