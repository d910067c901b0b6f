/**
 * The top of a city page: title, month picker, data switch and the notice saying which
 * figures are counted. Server component; everything works without JavaScript.
 */
import { monthLabel } from "@/domain/months";
import { DataModeNotice, DataModeSwitch } from "./data-mode-switch";
import { MonthBanner } from "./month-banner";
import { MonthPicker } from "./month-picker";
import type { CityContext } from "./load";

export function CityPageHeader({ ctx, path, title, subtitle, extra = {}, children }: { ctx: CityContext; path: string; title: string; subtitle?: React.ReactNode; extra?: Record<string, string | undefined>; children?: React.ReactNode }) {
  const { view, months, reports } = ctx;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          {children}
          <h1 className="text-2xl font-bold">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
        </div>
        <div className="no-print flex flex-wrap items-end gap-4">
          <MonthPicker path={path} months={months} month={view.month} include={view.include} hidden={extra} />
          <DataModeSwitch path={path} month={view.month} include={view.include} extra={extra} />
        </div>
      </div>
      <MonthBanner leader={ctx.leader} defaulted={ctx.defaulted} month={view.month} include={view.include} approved={reports.approved} total={reports.total} path={path} extra={extra} />
      <DataModeNotice include={view.include} approved={reports.approved} total={reports.total} monthText={monthLabel(view.month)} />
    </div>
  );
}

export function NoCampaign() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold">全市总览</h1>
      <p className="text-slate-600">尚未设置专项行动或报送月份，请专项办先完成设置。</p>
    </div>
  );
}
