/**
 * A thin bar: done ÷ target, with a tick at the progress expected by now (序时). Decorative:
 * the same numbers are always printed next to it, so it is hidden from screen readers.
 */
import type { PaceStatus } from "@/domain/pace";
import { Bar } from "@/components/ui/bar";

export function ProgressBar({ share, expected, status }: { share: number | null; expected: number | null; status: PaceStatus }) {
  return <Bar share={share} tick={expected} tone={status} />;
}
