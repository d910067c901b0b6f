/**
 * "⚠ 待核实" beside a figure that carries unresolved plausibility warnings, and the list of
 * those warnings on the page (the mark links to it; its title repeats them). Server component.
 */
import Link from "next/link";
import { monthLabel, ytdLabel } from "@/domain/months";
import { flagText, type FlagFacts } from "./flags";

export const FLAG_LIST_ID = "data-flags";

export function FlagMark({ flags, label }: { flags: readonly FlagFacts[]; label: string }) {
  if (flags.length === 0) return null;
  return (
    <a
      href={`#${FLAG_LIST_ID}`}
      data-flag-mark={flags.length}
      title={flags.map(flagText).join("\n")}
      className="ml-1 inline-block rounded border border-amber-400 bg-amber-50 px-1 py-0 text-xs font-medium whitespace-nowrap text-amber-900 no-underline hover:bg-amber-100"
    >
      <span aria-hidden="true">⚠ </span>待核实<span className="sr-only">：{label}有 {flags.length} 条未核实的数据提醒，见本页“未核实的数据提醒”</span>
      {flags.length > 1 && <span aria-hidden="true"> {flags.length}</span>}
    </a>
  );
}

/**
 * In the official mode: why no figure is marked, and how many warnings the unapproved data
 * carries (with a link to the "含未审核数据" view of the page). Nothing when there are none.
 */
export function FlagNotice({ pending, includeHref, reviewHref }: { pending: number; includeHref: string; reviewHref: string | null }) {
  if (pending === 0) return null;
  return (
    <p role="note" aria-label="数据提醒" className="text-sm text-slate-700">
      正式口径只计已审核数据，审核时数据提醒已逐条处理，本口径下没有“待核实”的数字。未审核的填报中有 {pending} 条未核实的数据提醒：
      <Link href={includeHref} className="text-brand-700 underline">切换到“含未审核数据”查看</Link>
      {reviewHref && (
        <>
          {"，或"}
          <Link href={reviewHref} className="text-brand-700 underline">到月报审核处理</Link>
        </>
      )}
      。
    </p>
  );
}

/** In the "含未审核数据" mode: the warnings behind the marked figures, with the districts' notes. */
export function FlagList({ flags, reviewHref }: { flags: readonly FlagFacts[]; reviewHref: string | null }) {
  if (flags.length === 0) return null;
  return (
    <section id={FLAG_LIST_ID} aria-labelledby="data-flags-heading" className="rounded-lg border border-amber-300 bg-amber-50/60 p-4 text-sm">
      <h2 id="data-flags-heading" className="font-semibold text-amber-950">未核实的数据提醒（{flags.length} 条）</h2>
      <p className="mt-1 text-slate-700">
        以下数字在填报时触发了合理性提醒，专项办尚未核实；标有“⚠ 待核实”的数字包含它们，引用前请核实。
        {reviewHref && (
          <Link href={reviewHref} className="ml-1 text-brand-700 underline">到月报审核处理</Link>
        )}
      </p>
      <ul className="mt-2 space-y-1">
        {flags.map((f) => (
          <li key={f.id} data-flag={f.id} className="rounded border border-amber-200 bg-white px-2 py-1">
            <span className="font-medium">{f.districtName}</span>
            <span className="ml-1 text-slate-600">{monthLabel(f.month)}</span>
            <span className="ml-1">{f.subject === "figure" ? f.indicatorName : `项目“${f.projectName ?? ""}”`}：{f.message}</span>
            <span className="block text-xs text-slate-600">{f.note ? `填报说明：${f.note}` : "填报时未写说明"}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "本月有 N 条未核实的数据提醒" (or year-to-date, when earlier months carry some too), linking to the list and, for the office, to review. */
export function FlagLine({ flags, month, reviewHref }: { flags: readonly { month: string }[]; month: string; reviewHref: string | null }) {
  const thisMonth = flags.filter((f) => f.month === month).length;
  const text = thisMonth === flags.length ? `本月（${monthLabel(month)}）有 ${flags.length} 条未核实的数据提醒` : `${ytdLabel(month)}的填报中有 ${flags.length} 条未核实的数据提醒（本月 ${thisMonth} 条）`;
  return (
    <p role="note" aria-label="数据提醒" data-flag-line={flags.length} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <span aria-hidden="true">⚠ </span>
      {text}，相关数字标有“待核实”。
      <a href={`#${FLAG_LIST_ID}`} className="ml-1 text-brand-700 underline">查看提醒</a>
      {reviewHref && (
        <Link href={reviewHref} className="ml-2 text-brand-700 underline">到月报审核处理</Link>
      )}
    </p>
  );
}
