import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { formatBase } from "@/domain/numbers";
import { listParks } from "@/db/queries/parks";
import { getDistrictName, getUnit, listReportingDistricts } from "@/db/queries/records";
import { PARK_STATUSES } from "@/db/schema";
import { requireRecordAccess } from "../_records/access";
import { PARK_STATUS_LABELS } from "@/domain/record-labels";
import { enumParam, firstParam, flagParam, idParam, listHref, PAGE_SIZE, pageParam, searchParam, type SearchParams } from "../_records/list-params";
import { Badge, controlCls, labelCls, Pager, tdCls, thCls } from "../_records/ui";
import { ParkStatusBadge } from "./status-badge";
import { daysBehindPlan } from "./progress";

export const metadata: Metadata = { title: "园区" };

const paramsSchema = z.object({ q: searchParam, district: idParam, pilot: flagParam, status: enumParam(PARK_STATUSES), page: pageParam });

export default async function ParksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ next: "/district/parks" });
  const access = await requireRecordAccess(user, "parks", "/district/parks");
  const sp = await searchParams;
  const params = paramsSchema.parse(Object.fromEntries(["q", "district", "pilot", "status", "page"].map((k) => [k, firstParam(sp, k)])));
  const allDistricts = access.districtId === null;
  const today = todayInShanghai();
  const [districts, mu, ownDistrictName] = await Promise.all([
    allDistricts ? listReportingDistricts() : [],
    getUnit("mu"),
    access.districtId !== null ? getDistrictName(access.districtId) : null,
  ]);
  const { rows, total, pilots, pilotsRunning, page, lastPage } = await listParks({
    campaignId: access.campaignId,
    districtId: access.districtId ?? params.district,
    pilotOnly: params.pilot === "1",
    status: params.status,
    q: params.q,
    page: params.page ?? 1,
    pageSize: PAGE_SIZE,
  });
  const filters = { q: params.q, district: allDistricts ? params.district : undefined, pilot: params.pilot, status: params.status };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const scopeText = ownDistrictName ?? "全市";
  const area = (v: number | null) => (v === null ? "—" : mu ? formatBase(v, mu.scale, 2) : String(v));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">园区</h1>
        <p className="text-sm text-slate-600">
          {scopeText} · 工业（产业）园区标准化建设。标准厂房面积等园区指标在月度数据中填报。
        </p>
      </div>

      <form method="get" action="/district/parks" role="search" aria-label="筛选园区" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="q" className={labelCls}>搜索</label>
          <input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder="园区名称" className={controlCls} />
        </div>
        {allDistricts && (
          <div>
            <label htmlFor="district" className={labelCls}>区县</label>
            <select id="district" name="district" defaultValue={params.district?.toString() ?? ""} className={controlCls}>
              <option value="">全部</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="status" className={labelCls}>状态</label>
          <select id="status" name="status" defaultValue={params.status ?? ""} className={controlCls}>
            <option value="">全部</option>
            {PARK_STATUSES.map((s) => (
              <option key={s} value={s}>{PARK_STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex items-center gap-2 pb-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="pilot" value="1" defaultChecked={params.pilot === "1"} className="h-4 w-4 accent-brand-700" />
            只看试点园区
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">筛选</button>
          {filtered && <Link href="/district/parks" className="pb-2 text-sm text-brand-700 underline">清除筛选</Link>}
        </div>
      </form>

      <p role="status" className="text-sm text-slate-700">
        共 {total} 个园区，其中市级试点 {pilots} 个，已试运营（含正式运营） {pilotsRunning} 个
        {lastPage > 1 && `（第 ${page} / ${lastPage} 页）`}
      </p>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">园区（{scopeText}），试点园区在前，第 {page} 页</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
              <th scope="col" className={thCls}>园区</th>
              {allDistricts && <th scope="col" className={thCls}>区县</th>}
              <th scope="col" className={thCls}>市级试点</th>
              <th scope="col" className={thCls}>状态</th>
              <th scope="col" className={thCls}>计划试运营</th>
              <th scope="col" className={thCls}>试运营日期</th>
              <th scope="col" className={`${thCls} text-right`}>面积（{mu?.symbol ?? "亩"}）</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={allDistricts ? 7 : 6} className="px-3 py-6 text-center text-slate-500">没有符合条件的园区</td>
              </tr>
            )}
            {rows.map((r) => {
              const late = daysBehindPlan(r, today);
              return (
                <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                  <th scope="row" className={`${tdCls} text-left font-normal`}>
                    <Link href={`/district/parks/${r.id}`} className="text-brand-700 underline">{r.name}</Link>
                  </th>
                  {allDistricts && <td className={`${tdCls} whitespace-nowrap`}>{r.districtName}</td>}
                  <td className={tdCls}>{r.isPilot ? "是" : "否"}</td>
                  <td className={tdCls}><ParkStatusBadge status={r.status} /></td>
                  <td className={tdCls}>
                    <span className="flex flex-col items-start gap-1">
                      <span className="tabular whitespace-nowrap">{r.plannedTrialOn ?? "—"}</span>
                      {late !== null && <Badge tone="red">超计划 {late} 天未试运营</Badge>}
                    </span>
                  </td>
                  <td className={`${tdCls} tabular whitespace-nowrap`}>{r.trialOperationOn ?? "—"}</td>
                  <td className={`${tdCls} tabular text-right`}>{area(r.areaMu)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <Pager page={page} lastPage={lastPage} hrefFor={(p) => listHref("/district/parks", filters, p)} />
    </div>
  );
}
