import type { listReportCorrections } from "@/db/queries/review-detail";
import { amountText, figureText, type FigureKind } from "../_lib/format";
import { formatDateTime } from "@/domain/format";

type Correction = Awaited<ReturnType<typeof listReportCorrections>>[number];

/** Restatements already approved for this month: the original approved value is kept beside the new one. */
export function CorrectionsList({ corrections, kinds }: { corrections: Correction[]; kinds: Map<number, FigureKind> }) {
  if (corrections.length === 0) return null;
  const text = (c: Correction, which: "old" | "new") => {
    const v = which === "old" ? { value: c.oldValue, numerator: c.oldNumerator, denominator: c.oldDenominator } : { value: c.newValue, numerator: c.newNumerator, denominator: c.newDenominator };
    if (c.subject === "project") return amountText(v.value);
    const kind = c.indicatorId != null ? kinds.get(c.indicatorId) : undefined;
    return kind ? figureText(kind, { ...v, noData: false }) : "—";
  };
  return (
    <section aria-labelledby="corrections-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="corrections-title" className="font-semibold">更正记录（原审定值留存）</h2>
      <ul className="mt-2 space-y-1">
        {corrections.map((c) => (
          <li key={c.id} data-correction={c.id}>
            {c.subject === "figure" ? c.indicatorName : `项目 ${c.projectCode} ${c.projectName}`}：原审定值 {text(c, "old")} → 更正后 {text(c, "new")}
            <span className="block text-xs text-slate-500">原因：{c.reason} · 更正通过于 {formatDateTime(c.approvedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
