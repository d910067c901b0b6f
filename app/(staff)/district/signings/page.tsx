import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { getDistrictName, listReportingDistricts } from "@/db/queries/records";
import { listEvents, listSignings } from "@/db/queries/signings";
import { requireRecordAccess } from "../_records/access";
import { enumParam, firstParam, idParam, listHref, PAGE_SIZE, pageParam, searchParam, type SearchParams } from "../_records/list-params";
import { Badge, controlCls, labelCls, Pager, tdCls, thCls } from "../_records/ui";
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

      <form method="get" action="/district/signings" role="search" aria-label="筛选签约项目" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <label htmlFor="q" className={labelCls}>搜索</label>
          <input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder="项目名称或投资方" className={controlCls} />
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
          <label htmlFor="landed" className={labelCls}>落地</label>
          <select id="landed" name="landed" defaultValue={params.landed ?? ""} className={controlCls}>
            <option value="">全部</option>
            <option value="yes">已落地</option>
            <option value="no">未落地</option>
          </select>
        </div>
        <div>
          <label htmlFor="flag" className={labelCls}>口径</label>
          <select id="flag" name="flag" defaultValue={params.flag ?? ""} className={controlCls}>
            <option value="">全部</option>
            <option value="overseas">侨港澳台</option>
            <option value="culture">文旅</option>
          </select>
        </div>
        <div className="lg:col-span-2">
          <label htmlFor="event" className={labelCls}>签约活动</label>
          <select id="event" name="event" defaultValue={params.event?.toString() ?? ""} className={controlCls}>
            <option value="">全部</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>{e.name}</option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">筛选</button>
          {filtered && <Link href="/district/signings" className="pb-2 text-sm text-brand-700 underline">清除筛选</Link>}
        </div>
      </form>

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

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">签约项目（{scopeText}），按签约日期从新到旧排列，第 {page} 页</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
              <th scope="col" className={thCls}>项目名称</th>
              {allDistricts && <th scope="col" className={thCls}>区县</th>}
              <th scope="col" className={thCls}>投资方</th>
              <th scope="col" className={`${thCls} text-right`}>金额（{unit.symbol}）</th>
              <th scope="col" className={thCls}>口径</th>
              <th scope="col" className={thCls}>签约活动</th>
              <th scope="col" className={thCls}>签约日期</th>
              <th scope="col" className={thCls}>落地</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={allDistricts ? 8 : 7} className="px-3 py-6 text-center text-slate-500">没有符合条件的签约项目</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                <th scope="row" className={`${tdCls} text-left font-normal`}>
                  <Link href={`/district/signings/${r.id}`} className="text-brand-700 underline">{r.name}</Link>
                  {!r.isPublic && <span className="ml-2"><Badge tone="slate">不公开</Badge></span>}
                </th>
                {allDistricts && <td className={`${tdCls} whitespace-nowrap`}>{r.districtName}</td>}
                <td className={tdCls}>{r.investor || "—"}</td>
                <td className={`${tdCls} tabular text-right whitespace-nowrap`}>{yiText(r.amount, unit.scale)}</td>
                <td className={tdCls}>
                  <span className="flex flex-wrap gap-1">
                    {r.isOverseas && <Badge tone="blue">侨港澳台</Badge>}
                    {r.isCultureTourism && <Badge tone="blue">文旅</Badge>}
                    {!r.isOverseas && !r.isCultureTourism && <span className="text-slate-400">—</span>}
                  </span>
                </td>
                <td className={`${tdCls} text-xs`}>{r.eventName ?? "—"}</td>
                <td className={`${tdCls} tabular whitespace-nowrap`}>{r.signedOn}</td>
                <td className={`${tdCls} whitespace-nowrap`}>
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
          </tbody>
        </table>
      </div>

      <Pager page={page} lastPage={lastPage} hrefFor={(p) => listHref("/district/signings", filters, p)} />
    </div>
  );
}
