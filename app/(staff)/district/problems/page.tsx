import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { listProblems } from "@/db/queries/problems";
import { getDistrictName, listReportingDistricts } from "@/db/queries/records";
import { PROBLEM_STATUSES, PROBLEM_TYPES } from "@/db/schema";
import { requireRecordAccess } from "../_records/access";
import { ESCALATION_LABELS, PROBLEM_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "@/domain/record-labels";
import { enumParam, firstParam, flagParam, idParam, listHref, PAGE_SIZE, pageParam, searchParam, type SearchParams } from "../_records/list-params";
import { controlCls, labelCls, Pager, tdCls, thCls } from "../_records/ui";
import { DeadlineCell, ProblemStatusBadge } from "./badges";

export const metadata: Metadata = { title: "难题清单" };

const paramsSchema = z.object({
  type: enumParam(PROBLEM_TYPES),
  status: enumParam(PROBLEM_STATUSES),
  overdue: flagParam,
  district: idParam,
  q: searchParam,
  page: pageParam,
});

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ next: "/district/problems" });
  const access = await requireRecordAccess(user, "problems", "/district/problems");
  const sp = await searchParams;
  const params = paramsSchema.parse(Object.fromEntries(["type", "status", "overdue", "district", "q", "page"].map((k) => [k, firstParam(sp, k)])));
  const today = todayInShanghai();
  const allDistricts = access.districtId === null;
  const [districts, ownDistrictName] = await Promise.all([allDistricts ? listReportingDistricts() : [], access.districtId !== null ? getDistrictName(access.districtId) : null]);
  // A type outside the caller's own types is ignored rather than widening the scope.
  const type = params.type && access.problemTypes.includes(params.type) ? params.type : undefined;
  const result = await listProblems(
    {
      campaignId: access.campaignId,
      districtId: access.districtId ?? params.district,
      types: access.problemTypes.length < PROBLEM_TYPES.length ? access.problemTypes : undefined,
      type,
      status: params.status,
      overdueBefore: params.overdue ? today : undefined,
      q: params.q,
      page: params.page ?? 1,
      pageSize: PAGE_SIZE,
    },
    today,
  );
  const { rows, total, unresolved, overdue, page, lastPage } = result;
  const filters = { type, status: params.status, overdue: params.overdue, district: allDistricts ? params.district : undefined, q: params.q };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const scopeText = ownDistrictName ?? (access.problemTypes.length < PROBLEM_TYPES.length ? `全市 · ${access.problemTypes.map((t) => PROBLEM_TYPE_LABELS[t]).join("、")}` : "全市");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">难题清单</h1>
          <p className="text-sm text-slate-600">{scopeText} · 重点项目推进中的用地报批、征迁、电网工程征迁等难题</p>
        </div>
        <Link href="/district/problems/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
          登记难题
        </Link>
      </div>

      <form method="get" action="/district/problems" role="search" aria-label="筛选难题" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <label htmlFor="q" className={labelCls}>搜索</label>
          <input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder="项目名称、问题描述或责任单位" className={controlCls} />
        </div>
        <div>
          <label htmlFor="type" className={labelCls}>类型</label>
          <select id="type" name="type" defaultValue={type ?? ""} className={controlCls}>
            <option value="">全部</option>
            {access.problemTypes.map((t) => (
              <option key={t} value={t}>{PROBLEM_TYPE_LABELS[t]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className={labelCls}>状态</label>
          <select id="status" name="status" defaultValue={params.status ?? ""} className={controlCls}>
            <option value="">全部</option>
            {PROBLEM_STATUSES.map((s) => (
              <option key={s} value={s}>{PROBLEM_STATUS_LABELS[s]}</option>
            ))}
          </select>
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
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-5">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue === "1"} className="h-4 w-4 accent-brand-700" />
            只看已逾期
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">筛选</button>
          {filtered && <Link href="/district/problems" className="text-sm text-brand-700 underline">清除筛选</Link>}
        </div>
      </form>

      <p role="status" className="text-sm text-slate-700">
        共 {total} 条，未解决 {unresolved} 条
        {overdue > 0 ? (
          <>
            ，<Link href={listHref("/district/problems", { ...filters, overdue: "1" }, 1)} className="font-medium text-red-700 underline">其中已逾期 {overdue} 条</Link>
          </>
        ) : (
          "，无逾期"
        )}
        {total > 0 && lastPage > 1 && `（第 ${page} / ${lastPage} 页）`}
      </p>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">难题清单（{scopeText}），未解决的在前、按办结时限排列，第 {page} 页</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
              <th scope="col" className={thCls}>问题</th>
              <th scope="col" className={thCls}>项目</th>
              {allDistricts && <th scope="col" className={thCls}>区县</th>}
              <th scope="col" className={thCls}>类型</th>
              <th scope="col" className={thCls}>责任单位</th>
              <th scope="col" className={thCls}>协调层级</th>
              <th scope="col" className={thCls}>办结时限</th>
              <th scope="col" className={thCls}>状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={allDistricts ? 8 : 7} className="px-3 py-6 text-center text-slate-500">没有符合条件的难题</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                <th scope="row" className={`${tdCls} max-w-xs text-left font-normal`}>
                  <Link href={`/district/problems/${r.id}`} className="text-brand-700 underline">{r.description}</Link>
                </th>
                <td className={`${tdCls} max-w-56`}>{r.projectName}</td>
                {allDistricts && <td className={`${tdCls} whitespace-nowrap`}>{r.districtName}</td>}
                <td className={`${tdCls} whitespace-nowrap`}>{PROBLEM_TYPE_LABELS[r.type]}</td>
                <td className={tdCls}>{r.responsibleUnit}</td>
                <td className={`${tdCls} whitespace-nowrap`}>{ESCALATION_LABELS[r.escalationLevel]}</td>
                <td className={tdCls}><DeadlineCell deadlineOn={r.deadlineOn} status={r.status} today={today} /></td>
                <td className={tdCls}>
                  <span className="flex flex-col items-start gap-1">
                    <ProblemStatusBadge status={r.status} />
                    {r.resolvedOn && <span className="tabular text-xs whitespace-nowrap text-slate-500">{r.resolvedOn} 解决</span>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Pager page={page} lastPage={lastPage} hrefFor={(p) => listHref("/district/problems", filters, p)} />
    </div>
  );
}
