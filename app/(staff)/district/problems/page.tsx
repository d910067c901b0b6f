import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { listProblems } from "@/db/queries/problems";
import { getDistrictName, listReportingDistricts } from "@/db/queries/records";
import { PROBLEM_STATUSES, PROBLEM_TYPES } from "@/domain/codes";
import { requireRecordAccess } from "../_lib/access";
import { ESCALATION_LABELS, PROBLEM_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "@/domain/record-labels";
import { enumParam, firstParam, flagParam, idParam, listHref, PAGE_SIZE, pageParam, searchParam, type SearchParams } from "../_lib/list-params";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { FilterBar, FilterFlag, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
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

      <FilterBar action="/district/problems" label="筛选难题" className="sm:grid-cols-2 lg:grid-cols-5" buttonRowClassName="sm:col-span-2 lg:col-span-5" filtered={filtered}
        extra={<FilterFlag name="overdue" label="只看已逾期" checked={params.overdue === "1"} />}>
        <FilterSearch value={params.q} placeholder="项目名称、问题描述或责任单位" className="lg:col-span-2" />
        <FilterSelect name="type" label="类型" value={type} options={access.problemTypes.map((t) => ({ value: t, label: PROBLEM_TYPE_LABELS[t] }))} />
        <FilterSelect name="status" label="状态" value={params.status} options={PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] }))} />
        {allDistricts && <FilterSelect name="district" label="区县" value={params.district?.toString()} options={districts.map((d) => ({ value: String(d.id), label: d.name }))} />}
      </FilterBar>

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

      <DataTable look="framed" nowrapHead caption={<>难题清单（{scopeText}），未解决的在前、按办结时限排列，第 {page} 页</>}
        columns={["问题", "项目", allDistricts && "区县", "类型", "责任单位", "协调层级", "办结时限", "状态"]}>
        {rows.length === 0 && <EmptyRow colSpan={allDistricts ? 8 : 7}>没有符合条件的难题</EmptyRow>}
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <th scope="row" className="max-w-xs">
              <Link href={`/district/problems/${r.id}`} className="text-brand-700 underline">{r.description}</Link>
            </th>
            <td className="max-w-56">{r.projectName}</td>
            {allDistricts && <td className="whitespace-nowrap">{r.districtName}</td>}
            <td className="whitespace-nowrap">{PROBLEM_TYPE_LABELS[r.type]}</td>
            <td>{r.responsibleUnit}</td>
            <td className="whitespace-nowrap">{ESCALATION_LABELS[r.escalationLevel]}</td>
            <td><DeadlineCell deadlineOn={r.deadlineOn} status={r.status} today={today} /></td>
            <td>
              <span className="flex flex-col items-start gap-1">
                <ProblemStatusBadge status={r.status} />
                {r.resolvedOn && <span className="tabular text-xs whitespace-nowrap text-slate-500">{r.resolvedOn} 解决</span>}
              </span>
            </td>
          </tr>
        ))}
      </DataTable>

      <Pager page={page} lastPage={lastPage} hrefFor={(p) => listHref("/district/problems", filters, p)} />
    </div>
  );
}
