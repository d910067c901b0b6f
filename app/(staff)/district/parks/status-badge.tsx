import { Badge } from "@/components/ui/badge";
import { PARK_STATUS_LABELS, type ParkStatus } from "@/domain/record-labels";

export function ParkStatusBadge({ status }: { status: ParkStatus }) {
  const tone = status === "operating" ? "green" : status === "trial_operation" ? "blue" : "slate";
  return <Badge tone={tone}>{PARK_STATUS_LABELS[status]}</Badge>;
}
