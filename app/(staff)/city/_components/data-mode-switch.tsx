/**
 * The official / including-unapproved switch: two links (works without JavaScript), the current
 * one marked with aria-current. When unapproved data is included the page says so in words.
 */
import Link from "next/link";
import { cityHref } from "./city-params";

export function DataModeSwitch({ path, month, include, extra = {} }: { path: string; month: string; include: boolean; extra?: Record<string, string | undefined> }) {
  const base = "px-3 py-1.5 text-sm no-underline";
  const on = "bg-brand-700 text-white";
  const off = "bg-white text-slate-700 hover:bg-slate-100";
  return (
    <nav aria-label="数据口径" className="flex items-end">
      <div>
        <span className="block text-xs text-slate-600">数据口径</span>
        <span className="inline-flex overflow-hidden rounded-md border border-slate-300">
          <Link href={cityHref(path, { month, include: false }, extra)} aria-current={include ? undefined : "page"} className={`${base} ${include ? off : on}`}>
            正式口径（仅已审核）
          </Link>
          <Link href={cityHref(path, { month, include: true }, extra)} aria-current={include ? "page" : undefined} className={`${base} border-l border-slate-300 ${include ? on : off}`}>
            含未审核数据
          </Link>
        </span>
      </div>
    </nav>
  );
}

/** The notice under the page title saying which figures the page counts. */
export function DataModeNotice({ include, approved, total, monthText }: { include: boolean; approved: number; total: number; monthText: string }) {
  if (include) {
    return (
      <p role="note" aria-label="数据口径说明" data-mode="all" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <strong className="font-semibold">含未审核数据：</strong>本页数字包括尚未审核（草稿、已报送、已退回）的填报和记录，不是正式口径，请勿对外引用。{monthText}已审核 {approved}/{total} 个区县。
      </p>
    );
  }
  return (
    <p role="note" aria-label="数据口径说明" data-mode="official" className="text-sm text-slate-600">
      正式口径：只计已审核的区县月报及其记录。{monthText}已审核 {approved}/{total} 个区县{approved < total ? "，其余区县本月数据暂未计入" : ""}。
    </p>
  );
}
