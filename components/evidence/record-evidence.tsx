import { EvidenceCards, type EvidenceCardItem } from "./evidence-cards";
import { DeleteAttachmentForm } from "./delete-form";
import { EvidenceUploadForm } from "./upload-form";

export interface RecordEvidenceGroup {
  key: string;
  title: string;
  items: readonly Omit<EvidenceCardItem, "flags">[];
  /** Where new files go (a route handler); null when this part of the record takes no more files for this user. */
  uploadAction: string | null;
  hidden?: Record<string, string>;
  /** Whether this user may delete the group's files now (the same rule as adding them). */
  canDelete: boolean;
  /** Shown when nothing is attached. */
  empty: string;
}

/**
 * Files on a record that is not a project month (an order's answer and closure, a signing): per
 * group an upload form when the user may still add, the files (guarded links) and a delete
 * button behind a confirmation. `status`/`error` come from the redirect after a change.
 */
export function RecordEvidence({ title, intro, groups, outcome }: { title: string; intro: string; groups: readonly RecordEvidenceGroup[]; outcome: { group?: string; status: string | null; error: string | null } }) {
  return (
    <section id="evidence" aria-labelledby="evidence-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="evidence-heading" className="mb-1 text-lg font-semibold">{title}</h2>
      <p className="mb-3 text-sm text-slate-600">{intro}</p>
      {outcome.status && <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">{outcome.status}</p>}
      {outcome.error && !groups.some((g) => g.uploadAction && g.key === outcome.group) && (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{outcome.error}</p>
      )}
      {groups.map((g) => (
        <div key={g.key} data-evidence-group={g.key} className="mb-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{g.title}</h3>
          {g.uploadAction && <EvidenceUploadForm action={g.uploadAction} id={`evidence-${g.key}`} hidden={g.hidden} error={outcome.group === g.key ? outcome.error : null} />}
          {g.items.length === 0 ? (
            <p className="text-sm text-slate-500">{g.empty}</p>
          ) : (
            <EvidenceCards
              items={g.items.map((i) => ({ ...i, flags: [] }))}
              actions={g.canDelete ? (i) => <DeleteAttachmentForm id={i.id} version={i.version} label={i.caption || i.originalName || `附件 ${i.id}`} /> : undefined}
            />
          )}
        </div>
      ))}
    </section>
  );
}
