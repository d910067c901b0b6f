import Link from "next/link";
import { ENTITY_WORDS } from "@/domain/audit/describe";
import type { AuditParams } from "./filters";

const control = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const labelCls = "block text-sm font-medium text-slate-700";
const ENTITY_EXTRA: Record<string, string> = { monthly_report: "月报", project_progress: "项目月度投资", project: "项目", user: "用户", indicator: "指标", indicator_targets: "指标目标", period: "填报月份", district: "区县", department: "部门", permission: "越权尝试" };

export interface FilterOptions {
  users: { id: number; username: string; displayName: string }[];
  districts: { id: number; name: string }[];
  indicators: { id: number; name: string; campaignYear: number }[];
  entities: string[];
}

export function AuditFilterForm({ params, options, filtered }: { params: AuditParams; options: FilterOptions; filtered: boolean }) {
  const campaignsShown = new Set(options.indicators.map((i) => i.campaignYear)).size > 1;
  return (
    <form method="get" action="/city/audit" aria-label="筛选审计日志" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-4">
      <div>
        <label htmlFor="user" className={labelCls}>操作人</label>
        <select id="user" name="user" defaultValue={params.user?.toString() ?? ""} className={control}>
          <option value="">全部</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>{u.displayName}（{u.username}）</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="district" className={labelCls}>区县</label>
        <select id="district" name="district" defaultValue={params.district?.toString() ?? ""} className={control}>
          <option value="">全部</option>
          {options.districts.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="indicator" className={labelCls}>指标</label>
        <select id="indicator" name="indicator" defaultValue={params.indicator?.toString() ?? ""} className={control}>
          <option value="">全部</option>
          {options.indicators.map((i) => (
            <option key={i.id} value={i.id}>{campaignsShown ? `${i.name}（${i.campaignYear}年）` : i.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="entity" className={labelCls}>对象类型</label>
        <select id="entity" name="entity" defaultValue={params.entity ?? ""} className={control}>
          <option value="">全部</option>
          {options.entities.map((e) => (
            <option key={e} value={e}>{ENTITY_EXTRA[e] ?? ENTITY_WORDS[e] ?? e}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="from" className={labelCls}>开始日期</label>
        <input id="from" name="from" type="date" defaultValue={params.from ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="to" className={labelCls}>结束日期</label>
        <input id="to" name="to" type="date" defaultValue={params.to ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="outcome" className={labelCls}>结果</label>
        <select id="outcome" name="outcome" defaultValue={params.outcome ?? ""} className={control}>
          <option value="">全部</option>
          <option value="ok">成功</option>
          <option value="denied">拒绝</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">筛选</button>
        {filtered && <Link href="/city/audit" className="text-sm text-brand-700 underline">清除筛选</Link>}
        <p className="text-xs text-slate-500">日期按北京时间计算，含起止当天。</p>
      </div>
    </form>
  );
}
