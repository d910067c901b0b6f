import { ENTITY_WORDS } from "@/domain/audit/describe";
import { FilterBar, FilterDate, FilterSelect } from "@/components/ui/filter-bar";
import type { AuditParams } from "./filters";

const ENTITY_EXTRA: Record<string, string> = { monthly_report: "月报", project_progress: "项目月度投资", project: "项目", user: "用户", indicator: "指标", indicator_targets: "指标目标", period: "填报月份", district: "区县", department: "部门", permission: "越权尝试" };
const OUTCOMES = [{ value: "ok", label: "成功" }, { value: "denied", label: "拒绝" }];

export interface FilterOptions {
  users: { id: number; username: string; displayName: string }[];
  districts: { id: number; name: string }[];
  indicators: { id: number; name: string; campaignYear: number }[];
  entities: string[];
}

export function AuditFilterForm({ params, options, filtered }: { params: AuditParams; options: FilterOptions; filtered: boolean }) {
  const campaignsShown = new Set(options.indicators.map((i) => i.campaignYear)).size > 1;
  return (
    <FilterBar action="/city/audit" label="筛选审计日志" className="sm:grid-cols-3 lg:grid-cols-4" buttonRowClassName="sm:col-span-3 lg:col-span-4" filtered={filtered}
      after={<p className="text-xs text-slate-500">日期按北京时间计算，含起止当天。</p>}>
      <FilterSelect name="user" label="操作人" value={params.user?.toString()} options={options.users.map((u) => ({ value: String(u.id), label: `${u.displayName}（${u.username}）` }))} />
      <FilterSelect name="district" label="区县" value={params.district?.toString()} options={options.districts.map((d) => ({ value: String(d.id), label: d.name }))} />
      <FilterSelect name="indicator" label="指标" value={params.indicator?.toString()}
        options={options.indicators.map((i) => ({ value: String(i.id), label: campaignsShown ? `${i.name}（${i.campaignYear}年）` : i.name }))} />
      <FilterSelect name="entity" label="对象类型" value={params.entity} options={options.entities.map((e) => ({ value: e, label: ENTITY_EXTRA[e] ?? ENTITY_WORDS[e] ?? e }))} />
      <FilterDate name="from" label="开始日期" value={params.from} />
      <FilterDate name="to" label="结束日期" value={params.to} />
      <FilterSelect name="outcome" label="结果" value={params.outcome} options={OUTCOMES} />
    </FilterBar>
  );
}
