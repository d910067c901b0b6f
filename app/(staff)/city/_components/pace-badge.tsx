/**
 * Pace status as a badge with words (colour is never the only signal). No hooks: renders in
 * server and client components alike. Pass the reason (pace().reason / rateStatus().reason) to
 * show it beside the badge.
 */
import type { PaceStatus } from "@/domain/pace";
import { PACE_LABELS } from "@/domain/labels";
import { Badge } from "@/components/ui/badge";

export { PACE_LABELS };

const STYLES: Record<PaceStatus, string> = {
  ahead: "border-green-300 bg-green-50 text-ahead",
  behind: "border-amber-300 bg-amber-50 text-behind",
  lagging: "border-red-300 bg-red-50 text-lagging",
  no_target: "border-slate-300 bg-slate-50 text-slate-600",
  no_data: "border-slate-300 bg-slate-50 text-slate-600",
};

const DOTS: Record<PaceStatus, string> = {
  ahead: "bg-ahead",
  behind: "bg-behind",
  lagging: "bg-lagging",
  no_target: "bg-slate-400",
  no_data: "bg-slate-400",
};

export function PaceBadge({ status, reason }: { status: PaceStatus; reason?: string }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
      <Badge data={{ "data-pace": status }} colors={STYLES[status]} dot={DOTS[status]}>{PACE_LABELS[status]}</Badge>
      {reason && status !== "no_target" && status !== "no_data" && <span data-reason className="text-xs text-slate-700">{reason}</span>}
    </span>
  );
}
