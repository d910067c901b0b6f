import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { listProjectFormChoices, listProjects } from "@/db/queries/projects";
import type { ProjectFilters } from "@/db/queries/project-scope";
import { getDefaultMonth } from "@/db/queries/reporting";
import { PROJECT_STAGES } from "@/domain/codes";
import { projectAccess } from "./access";
import { STAGE_LABELS, STAGE_OPTIONS } from "@/domain/project-format";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { DataTable } from "@/components/ui/data-table";
import { completionRate, formatYi } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "项目管理" };

const PAGE_SIZE = 50;

const idParam = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number).optional().catch(undefined);
const searchSchema = z.object({
  q: z.string().trim().max(50).catch(""),
  stage: z.enum(PROJECT_STAGES).optional().catch(undefined),
  sector: idParam,
  district: idParam,
  key: z.enum(["1", "0"]).optional().catch(undefined),
  progress: z.enum(["missing"]).optional().catch(undefined),
  page: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).catch(1),
});

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ next: "/district/projects" });
  const access = await projectAccess(user);
  const sp = await searchParams;
  const p = searchSchema.parse({
    q: first(sp.q) ?? "",
    stage: first(sp.stage),
    sector: first(sp.sector),
    district: first(sp.district),
    key: first(sp.key),
    progress: first(sp.progress),
    page: first(sp.page) ?? "1",
  });
  const { campaign, scope, acrossDistricts } = access;
  const month = (await getDefaultMonth(campaign.id)) ?? `${campaign.year}-01`;
  const filters: ProjectFilters = {
    q: p.q || undefined,
    stage: p.stage,
    sectorId: p.sector,
    isKey: p.key === undefined ? undefined : p.key === "1",
    districtId: acrossDistricts ? p.district : undefined,
    missingMonth: p.progress === "missing",
  };
  const [choices, { rows, total }] = await Promise.all([
    listProjectFormChoices(campaign.id),
    listProjects(scope, filters, { year: campaign.year, month, page: p.page, pageSize: PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== false);

  const query = (page: number) => {
    const u = new URLSearchParams();
    if (p.q) u.set("q", p.q);
    if (p.stage) u.set("stage", p.stage);
    if (p.sector) u.set("sector", String(p.sector));
    if (acrossDistricts && p.district) u.set("district", String(p.district));
    if (p.key) u.set("key", p.key);
    if (p.progress) u.set("progress", p.progress);
    if (page > 1) u.set("page", String(page));
    const s = u.toString();
    return s ? `/district/projects?${s}` : "/district/projects";
  };
  const monthShort = `${Number(month.slice(5))}月`;
  const colCount = acrossDistricts ? 10 : 9;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">项目管理</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/district/projects/progress" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-100">
            批量填报月度投资
          </Link>
          <Link href="/district/projects/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
            新建项目
          </Link>
        </div>
      </div>

      <FilterBar action="/district/projects" label="筛选项目" layout="row" button="secondary" submitLabel="搜索" filtered={filtered} clearLabel="清除条件">
        <FilterSearch label="搜索项目" value={p.q} placeholder="项目名称或代码" controlClassName="mt-1 w-56 rounded-md border border-slate-300 px-3 py-2" />
        {acrossDistricts && (
          <FilterSelect id="filter-district" controlClassName={SELECT} name="district" label="区县" value={p.district ? String(p.district) : ""} options={choices.districts.map((d) => ({ value: String(d.id), label: d.name }))} />
        )}
        <FilterSelect id="filter-stage" controlClassName={SELECT} name="stage" label="阶段" value={p.stage ?? ""} options={STAGE_OPTIONS} />
        <FilterSelect id="filter-sector" controlClassName={SELECT} name="sector" label="行业" value={p.sector ? String(p.sector) : ""} options={choices.sectors.map((s) => ({ value: String(s.id), label: s.name }))} />
        <FilterSelect id="filter-key" controlClassName={SELECT} name="key" label="市重点项目" value={p.key ?? ""} options={[{ value: "1", label: "是" }, { value: "0", label: "否" }]} />
        <FilterSelect id="filter-progress" controlClassName={SELECT} name="progress" label={`${monthShort}进度`} value={p.progress ?? ""} options={[{ value: "missing", label: "未填" }]} />
      </FilterBar>

      <p role="status" className="text-sm text-slate-600">
        共 {total} 个项目{pages > 1 && `，第 ${p.page} / ${pages} 页`}。“本年已完成”为 {campaign.year} 年各月已填完成投资之和，“{monthShort}进度”指 {monthLabel(month)} 是否已填完成投资。
      </p>

      <DataTable caption={<>项目列表{p.q ? `，名称或代码包含“${p.q}”` : ""}，共 {total} 个</>} look="framed" head={<>
            <tr>
              <th scope="col">代码</th>
              <th scope="col">项目名称</th>
              {acrossDistricts && <th scope="col">区县</th>}
              <th scope="col">行业</th>
              <th scope="col">阶段</th>
              <th scope="col" className="num">总投资（亿元）</th>
              <th scope="col" className="num">年度计划（亿元）</th>
              <th scope="col" className="num">本年已完成（亿元）</th>
              <th scope="col" className="num">完成率</th>
              <th scope="col">{monthShort}进度</th>
            </tr>
      </>}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={colCount} className="py-6 text-center text-slate-500">没有找到项目</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <td className="tabular whitespace-nowrap text-slate-600">{r.code}</td>
                <th scope="row" className="font-medium">
                  <Link href={`/district/projects/${r.id}`} className="text-brand-700 underline">{r.name}</Link>
                  {!r.isKey && <Badge look="soft" className="ml-2 font-normal" colors="bg-slate-100 text-slate-600">非重点</Badge>}
                </th>
                {acrossDistricts && <td className="whitespace-nowrap">{r.districtName}</td>}
                <td className="whitespace-nowrap">{r.sectorName ?? "—"}</td>
                <td className="whitespace-nowrap">{STAGE_LABELS[r.stage]}</td>
                <td className="num">{formatYi(r.totalInvestment)}</td>
                <td className="num">{formatYi(r.annualPlannedInvestment)}</td>
                <td className="num">{formatYi(r.yearInvestment)}</td>
                <td className="num">{completionRate(r.yearInvestment, r.annualPlannedInvestment)}</td>
                <td className="whitespace-nowrap">
                  {r.hasMonthEntry ? (
                    <Badge look="soft" colors="bg-green-50 text-green-800">已填</Badge>
                  ) : r.isKey && r.stage === "under_construction" ? (
                    <Badge look="strong" colors="bg-amber-100 text-amber-900">未填</Badge>
                  ) : (
                    <Badge look="soft" colors="bg-slate-100 text-slate-600">未填</Badge>
                  )}
                </td>
              </tr>
            ))}
      </DataTable>

      {pages > 1 && (
        <nav aria-label="分页" className="flex items-center gap-4 text-sm">
          {p.page > 1 ? <Link href={query(p.page - 1)} className="text-brand-700 underline">← 上一页</Link> : <span className="text-slate-400">← 上一页</span>}
          <span className="text-slate-600">第 {p.page} / {pages} 页</span>
          {p.page < pages ? <Link href={query(p.page + 1)} className="text-brand-700 underline">下一页 →</Link> : <span className="text-slate-400">下一页 →</span>}
        </nav>
      )}
    </div>
  );
}

const SELECT = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";
