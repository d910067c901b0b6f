import type { ReactNode } from "react";
import type { ProvenanceFlag } from "@/domain/evidence/provenance";
import { formatDateTime } from "@/domain/format";

export interface EvidenceCardItem {
  id: number;
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

const size = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);

/**
 * Photos and documents of one record for staff, each with its provenance flags beside it. Files
 * come from the guarded route /api/files/:id (the record's guard decides who may read them).
 */
export function EvidenceCards({ items, actions }: { items: readonly EvidenceCardItem[]; actions?: (item: EvidenceCardItem) => ReactNode }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((a) => (
        <li key={a.id} data-attachment={a.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          {a.kind === "photo" ? (
            <a href={`/api/files/${a.id}`} className="block">
              {/* eslint-disable-next-line @next/next/no-img-element -- a guarded route, not a static asset the image optimiser could fetch */}
              <img src={`/api/files/${a.id}?size=thumb`} alt={a.caption || `形象进度照片 ${a.id}`} loading="lazy" className="h-40 w-full rounded bg-slate-100 object-cover" />
            </a>
          ) : (
            <a href={`/api/files/${a.id}`} className="text-brand-700 underline">
              📄 {a.originalName || `附件 ${a.id}`}
            </a>
          )}
          {a.caption && <p className="mt-2 text-slate-900">{a.caption}</p>}
          <p className="mt-1 text-xs text-slate-500">
            {a.kind === "photo" && (a.takenAt ? `拍摄 ${a.takenAt.slice(0, 16).replace("T", " ")} · ` : "")}
            {a.uploadedByName ?? "—"} 上传于 {formatDateTime(a.uploadedAt)} · {size(a.byteSize)}
            {a.isPublic && <span className="ml-1 rounded-full bg-green-50 px-1.5 text-green-800">已公开</span>}
          </p>
          {a.flags.length > 0 && (
            <ul aria-label="核对提示" className="mt-2 space-y-1">
              {a.flags.map((f) => (
                <li key={f.rule + f.text} data-flag={f.rule} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-950">
                  ⚠ {f.text}
                </li>
              ))}
            </ul>
          )}
          {actions?.(a)}
        </li>
      ))}
    </ul>
  );
}
