/**
 * A thin bar: done ÷ target, with a tick at the progress expected by now (序时). Decorative:
 * the same numbers are always printed next to it, so it is hidden from screen readers.
 */
import type { PaceStatus } from "@/domain/pace";

const FILL: Record<PaceStatus, string> = {
  ahead: "bg-ahead",
  behind: "bg-behind",
  lagging: "bg-lagging",
  no_target: "bg-slate-400",
  no_data: "bg-slate-400",
};

export function ProgressBar({ share, expected, status }: { share: number | null; expected: number | null; status: PaceStatus }) {
  const clamp = (x: number) => Math.max(0, Math.min(1, x)) * 100;
  return (
    <span aria-hidden="true" className="relative mt-1 block h-1.5 w-full min-w-16 rounded-full bg-slate-200">
      {share != null && <span className={`absolute inset-y-0 left-0 rounded-full ${FILL[status]}`} style={{ width: `${clamp(share)}%` }} />}
      {expected != null && <span className="absolute -top-0.5 -bottom-0.5 w-0.5 bg-slate-700" style={{ left: `calc(${clamp(expected)}% - 1px)` }} />}
    </span>
  );
}
