import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { listParks } from "@/db/queries/parks";
import { getDistrictName, getUnit, listReportingDistricts } from "@/db/queries/records";
import { PARK_STATUSES } from "@/domain/codes";
import { requireRecordAccess } from "../_lib/access";
import { PARK_STATUS_LABELS } from "@/domain/record-labels";
import { enumParam, firstParam, flagParam, idParam, listHref, PAGE_SIZE, pageParam, searchParam, type SearchParams } from "../_lib/list-params";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { FilterBar, FilterFlag, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
import { ParkStatusBadge } from "./status-badge";
import { daysBehindPlan } from "./progress";
import { formatBase } from "@/domain/format";

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

      <FilterBar action="/district/parks" label="筛选园区" className="sm:grid-cols-2 lg:grid-cols-4" buttonRowClassName="self-end" filtered={filtered}
        extra={<FilterFlag name="pilot" label="只看试点园区" checked={params.pilot === "1"} />}>
        <FilterSearch value={params.q} placeholder="园区名称" />
        {allDistricts && <FilterSelect name="district" label="区县" value={params.district?.toString()} options={districts.map((d) => ({ value: String(d.id), label: d.name }))} />}
        <FilterSelect name="status" label="状态" value={params.status} options={PARK_STATUSES.map((s) => ({ value: s, label: PARK_STATUS_LABELS[s] }))} />
      </FilterBar>

      <p role="status" className="text-sm text-slate-700">
        共 {total} 个园区，其中市级试点 {pilots} 个，已试运营（含正式运营） {pilotsRunning} 个
        {lastPage > 1 && `（第 ${page} / ${lastPage} 页）`}
      </p>

      <DataTable look="framed" nowrapHead caption={<>园区（{scopeText}），试点园区在前，第 {page} 页</>}
        columns={["园区", allDistricts && "区县", "市级试点", "状态", "计划试运营", "试运营日期", { label: <>面积（{mu?.symbol ?? "亩"}）</>, num: true }]}>
        {rows.length === 0 && <EmptyRow colSpan={allDistricts ? 7 : 6}>没有符合条件的园区</EmptyRow>}
        {rows.map((r) => {
          const late = daysBehindPlan(r, today);
          return (
            <tr key={r.id} className="hover:bg-slate-50">
              <th scope="row">
                <Link href={`/district/parks/${r.id}`} className="text-brand-700 underline">{r.name}</Link>
              </th>
              {allDistricts && <td className="whitespace-nowrap">{r.districtName}</td>}
              <td>{r.isPilot ? "是" : "否"}</td>
              <td><ParkStatusBadge status={r.status} /></td>
              <td>
                <span className="flex flex-col items-start gap-1">
                  <span className="tabular whitespace-nowrap">{r.plannedTrialOn ?? "—"}</span>
                  {late !== null && <Badge tone="red">超计划 {late} 天未试运营</Badge>}
                </span>
              </td>
              <td className="tabular whitespace-nowrap">{r.trialOperationOn ?? "—"}</td>
              <td className="num">{area(r.areaMu)}</td>
            </tr>
          );
        })}
      </DataTable>

      <Pager page={page} lastPage={lastPage} hrefFor={(p) => listHref("/district/parks", filters, p)} />
    </div>
  );
}
