import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { getDistrictName, listReportingDistricts } from "@/db/queries/records";
import { listEvents, listSignings } from "@/db/queries/signings";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
import { requireRecordAccess } from "../_lib/access";
import { enumParam, firstParam, idParam, listHref, PAGE_SIZE, pageParam, searchParam, type SearchParams } from "../_lib/list-params";
import { yiText } from "./amount";
import { moneyUnit } from "./write";

export const metadata: Metadata = { title: "签约项目" };

const paramsSchema = z.object({
  q: searchParam,
  district: idParam,
  landed: enumParam(["yes", "no"]),
  flag: enumParam(["overseas", "culture"]),
  event: idParam,
  page: pageParam,
});

export default async function SigningsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ next: "/district/signings" });
  const access = await requireRecordAccess(user, "signings", "/district/signings");
  const sp = await searchParams;
  const params = paramsSchema.parse(Object.fromEntries(["q", "district", "landed", "flag", "event", "page"].map((k) => [k, firstParam(sp, k)])));
  const allDistricts = access.districtId === null;
  const [districts, events, unit, ownDistrictName] = await Promise.all([
    allDistricts ? listReportingDistricts() : [],
    listEvents(access.campaignId),
    moneyUnit(),
    access.districtId !== null ? getDistrictName(access.districtId) : null,
  ]);
  const { rows, totals, page, lastPage } = await listSignings({
    campaignId: access.campaignId,
    districtId: access.districtId ?? params.district,
    landed: params.landed,
    overseas: params.flag === "overseas",
    cultureTourism: params.flag === "culture",
    eventId: params.event,
    q: params.q,
    page: params.page ?? 1,
    pageSize: PAGE_SIZE,
  });
  const filters = { q: params.q, district: allDistricts ? params.district : undefined, landed: params.landed, flag: params.flag, event: params.event };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const yi = (n: number) => `${yiText(n, unit.scale)} ${unit.symbol}`;
  const scopeText = ownDistrictName ?? "全市";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">签约项目</h1>
          <p className="text-sm text-slate-600">{scopeText} · 招商签约与落地</p>
        </div>
        <Link href="/district/signings/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
          登记签约
        </Link>
      </div>

      <FilterBar action="/district/signings" label="筛选签约项目" className="sm:grid-cols-2 lg:grid-cols-5" filtered={filtered}>
        <FilterSearch value={params.q} placeholder="项目名称或投资方" className="lg:col-span-2" />
        {allDistricts && <FilterSelect name="district" label="区县" value={params.district?.toString()} options={districts.map((d) => ({ value: String(d.id), label: d.name }))} />}
        <FilterSelect name="landed" label="落地" value={params.landed} options={[{ value: "yes", label: "已落地" }, { value: "no", label: "未落地" }]} />
        <FilterSelect name="flag" label="口径" value={params.flag} options={[{ value: "overseas", label: "侨港澳台" }, { value: "culture", label: "文旅" }]} />
        <FilterSelect name="event" label="签约活动" value={params.event?.toString()} className="lg:col-span-2" options={events.map((e) => ({ value: String(e.id), label: e.name }))} />
      </FilterBar>

      <dl aria-label="合计" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs text-slate-500">签约总额（{totals.count} 个项目）</dt>
          <dd className="tabular text-xl font-semibold">{yi(totals.amount)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs text-slate-500">其中侨港澳台</dt>
          <dd className="tabular text-xl font-semibold">{yi(totals.overseasAmount)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs text-slate-500">其中文旅</dt>
          <dd className="tabular text-xl font-semibold">{yi(totals.cultureAmount)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs text-slate-500">已落地（{totals.landedCount} 个）</dt>
          <dd className="tabular text-xl font-semibold">{yi(totals.landedAmount)}</dd>
        </div>
      </dl>

      <DataTable look="framed" nowrapHead caption={<>签约项目（{scopeText}），按签约日期从新到旧排列，第 {page} 页</>}
        columns={["项目名称", allDistricts && "区县", "投资方", { label: `金额（${unit.symbol}）`, num: true }, "口径", "签约活动", "签约日期", "落地"]}>
        {rows.length === 0 && <EmptyRow colSpan={allDistricts ? 8 : 7}>没有符合条件的签约项目</EmptyRow>}
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <th scope="row">
              <Link href={`/district/signings/${r.id}`} className="text-brand-700 underline">{r.name}</Link>
              {!r.isPublic && <span className="ml-2"><Badge tone="slate">不公开</Badge></span>}
            </th>
            {allDistricts && <td className="whitespace-nowrap">{r.districtName}</td>}
            <td>{r.investor || "—"}</td>
            <td className="num whitespace-nowrap">{yiText(r.amount, unit.scale)}</td>
            <td>
              <span className="flex flex-wrap gap-1">
                {r.isOverseas && <Badge tone="blue">侨港澳台</Badge>}
                {r.isCultureTourism && <Badge tone="blue">文旅</Badge>}
                {!r.isOverseas && !r.isCultureTourism && <span className="text-slate-400">—</span>}
              </span>
            </td>
            <td className="text-xs">{r.eventName ?? "—"}</td>
            <td className="tabular whitespace-nowrap">{r.signedOn}</td>
            <td className="whitespace-nowrap">
              {r.landedOn ? (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone="green">已落地</Badge>
                  <span className="tabular text-xs text-slate-500">{r.landedOn}</span>
                </span>
              ) : (
                <Badge tone="slate">未落地</Badge>
              )}
            </td>
          </tr>
        ))}
      </DataTable>

      <Pager page={page} lastPage={lastPage} hrefFor={(p) => listHref("/district/signings", filters, p)} />
    </div>
  );
}
