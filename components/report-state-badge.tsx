import { REPORT_STATE_LABELS, REPORT_STATE_STYLES } from "@/domain/labels";
import type { ReportState } from "@/domain/policy";

export function ReportStateBadge({ state, none }: { state: ReportState | null; none?: string }) {
  if (!state) return <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs text-red-800">{none ?? "未填报"}</span>;
  return <span data-state={state} className={`rounded-full px-2 py-0.5 text-xs ${REPORT_STATE_STYLES[state]}`}>{REPORT_STATE_LABELS[state]}</span>;
}
