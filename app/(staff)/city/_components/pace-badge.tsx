/**
 * Pace status as a badge with words (colour is never the only signal). No hooks: renders in
 * server and client components alike. Pass the reason (pace().reason / rateStatus().reason) to
 * show it beside the badge.
 */
import type { PaceStatus } from "@/domain/pace";
import { PACE_LABELS } from "@/domain/labels";
import { Badge } from "@/components/ui/badge";

export { PACE_LABELS };

/** The pill's look comes from the `.pace` rules in app/globals.css, chosen by data-pace. */
export function PaceBadge({ status, reason }: { status: PaceStatus; reason?: string }) {
  const pill = <Badge look="pace" data={{ "data-pace": status }}>{PACE_LABELS[status]}</Badge>;
  if (!reason || status === "no_target" || status === "no_data") return pill;
  return (
    <span className="pace-line">
      {pill}
      <span data-reason className="pace-why">{reason}</span>
    </span>
  );
}
