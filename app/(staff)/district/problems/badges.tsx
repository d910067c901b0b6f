import { Badge } from "@/components/ui/badge";
import { deadlineState } from "../_lib/dates";
import { PROBLEM_STATUS_LABELS, type ProblemStatus } from "@/domain/record-labels";

export function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  const tone = status === "resolved" ? "green" : status === "in_progress" ? "blue" : "slate";
  return <Badge tone={tone}>{PROBLEM_STATUS_LABELS[status]}</Badge>;
}

/** The deadline, with a red "已逾期 N 天" or amber "N 天后到期" badge for unresolved problems. */
export function DeadlineCell({ deadlineOn, status, today }: { deadlineOn: string | null; status: ProblemStatus; today: string }) {
  const s = deadlineState(deadlineOn, status === "resolved", today);
  return (
    <span className="flex flex-col items-start gap-1">
      <span className="tabular whitespace-nowrap">{deadlineOn ?? "—"}</span>
      {s.kind === "overdue" && <Badge tone="red">已逾期 {s.days} 天</Badge>}
      {s.kind === "due-soon" && <Badge tone="amber">{s.days === 0 ? "今天到期" : `${s.days} 天后到期`}</Badge>}
    </span>
  );
}
