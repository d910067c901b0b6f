import type { FlagRow } from "@/db/queries/plausibility";

/** A value's plausibility warnings with the clerk's note, beside the value. */
export function FlagNotes({ flags }: { flags: FlagRow[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {flags.map((f) => (
        <li key={f.id} data-flag={f.id} className={`rounded border px-2 py-1 text-xs ${f.resolvedAt ? "border-slate-200 bg-slate-50 text-slate-700" : "border-amber-300 bg-amber-50 text-amber-950"}`}>
          <span className="font-medium">数据提醒{f.resolvedAt ? "（已核实）" : ""}：</span>
          {f.message}
          <span className="block">填报说明：{f.note || "（未填写）"}</span>
        </li>
      ))}
    </ul>
  );
}

/** "城建项目完成投资：本月值是近 3 个月平均的 4 倍（填报说明：…）" — one line per flag, for lists and the return comment. */
export function flagLine(f: FlagRow): string {
  const subject = f.subject === "figure" ? (f.indicatorName ?? "指标") : `项目 ${f.projectCode ?? ""} ${f.projectName ?? ""}`.trim();
  return `${subject}：${f.message}（填报说明：${f.note || "未填写"}）`;
}

/** The summary at the top of the review page: every warning of the district-month. */
export function FlagsSummary({ flags }: { flags: FlagRow[] }) {
  if (flags.length === 0) return null;
  const open = flags.filter((f) => !f.resolvedAt);
  return (
    <section aria-labelledby="flags-title" className={`rounded-lg border p-4 text-sm ${open.length ? "border-amber-300 bg-amber-50 text-amber-950" : "border-slate-200 bg-white"}`}>
      <h2 id="flags-title" className="font-semibold">
        数据提醒 {flags.length} 条{open.length ? `，其中 ${open.length} 条待核实` : "，均已在审核时核实"}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {flags.map((f) => (
          <li key={f.id} data-flag-summary={f.id}>
            {flagLine(f)}
            {f.resolvedAt ? <span className="text-slate-600">（已核实）</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
