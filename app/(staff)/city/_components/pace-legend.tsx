/** The colour thresholds, a campaign setting (paceWarnBp), written out on the page. */
import { PaceBadge } from "./pace-badge";

export function PaceLegend({ warnBp }: { warnBp: number }) {
  const margin = (warnBp / 100).toFixed(1);
  return (
    <div aria-label="状态颜色说明" role="group" className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700">
      <span className="font-medium text-slate-800">状态阈值</span>
      <span className="inline-flex items-center gap-1.5"><PaceBadge status="ahead" />达到或超过序时进度（比率指标：达到目标值）</span>
      <span className="inline-flex items-center gap-1.5"><PaceBadge status="behind" />落后不足 {margin} 个百分点</span>
      <span className="inline-flex items-center gap-1.5"><PaceBadge status="lagging" />落后 {margin} 个百分点及以上</span>
      <span className="text-slate-500">序时进度 = 月份 ÷ 12，目标另有月度计划的按计划。</span>
    </div>
  );
}
