import "server-only";
import { listPhotoHashes } from "@/db/queries/attachments";
import { provenanceFlags, type ProvenanceFlag } from "@/domain/evidence/provenance";
import { currentEvidenceSettings } from "./settings";

/** An attachment as the staff pages show it: the file's facts and, for a photo, its provenance flags. */
export interface EvidenceView {
  id: number;
  projectId: number;
  month: string | null;
  kind: "photo" | "document";
  caption: string;
  originalName: string;
  byteSize: number;
  takenAt: string | null;
  uploadedAt: string;
  uploadedByName: string | null;
  isPublic: boolean;
  version: number;
  flags: ProvenanceFlag[];
}

/** A row as the queries read it: the view's facts without the flags, plus what the flags are worked out from. */
interface Row extends Omit<EvidenceView, "flags"> {
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  phash: string | null;
}

type Site = { latitude: number | null; longitude: number | null };

/** Flags every photo among `rows` (flags are computed when read, so a later duplicate or new coordinates show at once). */
export async function withFlags<T extends Row>(rows: readonly T[], siteOf: (r: T) => Site): Promise<(T & EvidenceView)[]> {
  const s = currentEvidenceSettings();
  const others = rows.some((r) => r.phash) ? await listPhotoHashes() : [];
  return rows.map((r) => {
    if (r.kind !== "photo" || !r.month) return { ...r, flags: [] };
    const site = siteOf(r);
    const flags = provenanceFlags(
      {
        id: r.id,
        month: r.month,
        takenAt: r.takenAt,
        uploadedAt: r.uploadedAt,
        gps: r.gpsLatitude !== null && r.gpsLongitude !== null ? { latitude: r.gpsLatitude, longitude: r.gpsLongitude } : null,
        phash: r.phash,
      },
      r.projectId,
      { coordinates: site.latitude !== null && site.longitude !== null ? { latitude: site.latitude, longitude: site.longitude } : null },
      others,
      s,
    );
    return { ...r, flags };
  });
}
