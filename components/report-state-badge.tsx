import { REPORT_STATE_LABELS, REPORT_STATE_STYLES } from "@/domain/labels";
import type { ReportState } from "@/domain/policy";
import { Badge } from "@/components/ui/badge";

/** A month report's state as a pill; `nowrap` keeps it on one line in narrow cells. */
export function ReportStateBadge({ state, none, nowrap }: { state: ReportState | null; none?: string; nowrap?: boolean }) {
  if (!state) return <Badge look="soft" tone="red" nowrap={nowrap}>{none ?? "未填报"}</Badge>;
  return <Badge look="soft" nowrap={nowrap} data={{ "data-state": state }} colors={REPORT_STATE_STYLES[state]}>{REPORT_STATE_LABELS[state]}</Badge>;
}
