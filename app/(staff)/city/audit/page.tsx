import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { formatDateTime } from "@/app/_lib/labels";
import { listAuditEvents, listAuditFilterOptions } from "@/db/queries/audit";
import { auditHref, parseAuditParams } from "./filters";

export const metadata: Metadata = { title: "审计日志" };

const OUTCOME_LABELS = { ok: "成功", denied: "拒绝" } as const;
const LONG_JSON = 48;

function JsonCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  const text = JSON.stringify(value);
  if (text.length <= LONG_JSON) return <code className="block w-40 font-mono text-xs break-all">{text}</code>;
  return (
    <details className="w-40">
      <summary className="cursor-pointer font-mono text-xs break-all text-slate-700">{text.slice(0, 28)}…</summary>
      <code className="mt-1 block font-mono text-xs break-all whitespace-pre-wrap">{text}</code>
    </details>
  );
}

const control = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const labelCls = "block text-sm font-medium text-slate-700";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read", {}, { next: "/city/audit" });
  const { params, filter } = parseAuditParams(await searchParams);
  const [options, result] = await Promise.all([listAuditFilterOptions(), listAuditEvents(filter)]);
  const { rows, total, page, lastPage } = result;
  const filtered = Object.entries(params).some(([k, v]) => k !== "page" && v !== undefined);
  const th = "px-2 py-2 font-medium whitespace-nowrap";
  const td = "px-2 py-2 align-top";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">审计日志</h1>

      <form method="get" action="/city/audit" aria-label="筛选审计日志" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <label htmlFor="user" className={labelCls}>用户</label>
          <select id="user" name="user" defaultValue={params.user?.toString() ?? ""} className={control}>
            <option value="">全部</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>{u.username}（{u.displayName}）</option>
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
          <label htmlFor="entity" className={labelCls}>对象类型</label>
          <select id="entity" name="entity" defaultValue={params.entity ?? ""} className={control}>
            <option value="">全部</option>
            {options.entities.map((e) => (
              <option key={e} value={e}>{e}</option>
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
        <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">筛选</button>
          {filtered && <Link href="/city/audit" className="text-sm text-brand-700 underline">清除筛选</Link>}
          <p className="text-xs text-slate-500">日期按北京时间计算，含起止当天。</p>
        </div>
      </form>

      <p role="status" className="text-sm text-slate-600">
        共 {total} 条{total > 0 && `，第 ${page} / ${lastPage} 页`}
      </p>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">审计日志，按时间从新到旧排列，第 {page} 页</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
              <th scope="col" className={th}>时间</th>
              <th scope="col" className={th}>操作人</th>
              <th scope="col" className={th}>操作</th>
              <th scope="col" className={th}>结果</th>
              <th scope="col" className={th}>对象</th>
              <th scope="col" className={th}>区县</th>
              <th scope="col" className={th}>变更前</th>
              <th scope="col" className={th}>变更后</th>
              <th scope="col" className={th}>地址</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={9} className="px-3 py-6 text-center text-slate-500">没有符合条件的记录</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className={`${td} tabular text-left font-normal whitespace-nowrap`}>{formatDateTime(r.at)}</th>
                <td className={`${td} whitespace-nowrap`}>{r.actorName}</td>
                <td className={`${td} font-mono text-xs`}>{r.action}</td>
                <td className={`${td} whitespace-nowrap`}>
                  <span className={`rounded-full px-2 py-0.5 text-xs ${r.outcome === "ok" ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>{OUTCOME_LABELS[r.outcome]}</span>
                </td>
                <td className={`${td} font-mono text-xs`}>
                  {r.entity}
                  {r.entityId !== null && ` #${r.entityId}`}
                </td>
                <td className={`${td} whitespace-nowrap`}>{r.districtName ?? "—"}</td>
                <td className={td}><JsonCell value={r.before} /></td>
                <td className={td}><JsonCell value={r.after} /></td>
                <td className={`${td} font-mono text-xs`}>{r.clientAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {lastPage > 1 && (
        <nav aria-label="分页" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={auditHref(params, page - 1)} className="text-brand-700 underline">← 上一页</Link> : <span />}
          <span className="text-slate-600">第 {page} / {lastPage} 页</span>
          {page < lastPage ? <Link href={auditHref(params, page + 1)} className="text-brand-700 underline">下一页 →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
