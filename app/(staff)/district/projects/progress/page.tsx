import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/guards";
import { addMonths, isMonth, monthLabel, monthNumber } from "@/domain/months";
import { listKeyProjectsForMonth } from "@/db/queries/project-months";
import { listProjectFormChoices } from "@/db/queries/projects";
import { getDefaultMonth, getDistrictMonthState, listPeriods } from "@/db/queries/reporting";
import { canEditMonth, projectAccess } from "../access";
import { monthStateText, STAGE_LABELS } from "@/domain/project-format";
import { BulkProgressForm, type BulkRow } from "./bulk-form";
import { getMonthLeft } from "../../month-left";
import { needsMonthValue } from "@/domain/project-month-filter";
import { DataTable } from "@/components/ui/data-table";
import { baseToDisplayExact, formatWan, formatYi } from "@/domain/format";
import { Badge } from "@/components/ui/badge";
import { Picker, PickerSelect } from "@/components/ui/picker";

export const metadata: Metadata = { title: "批量填报月度投资" };

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function BulkProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ next: "/district/projects/progress" });
  const access = await projectAccess(user);
  const { campaign, scope, acrossDistricts } = access;
  const sp = await searchParams;
  const [periods, choices, defaultMonth] = await Promise.all([listPeriods(campaign.id), listProjectFormChoices(campaign.id), getDefaultMonth(campaign.id)]);
  const openMonths = periods.filter((p) => p.isOpen).map((p) => p.month);
  const asked = first(sp.month);
  const month = isMonth(asked) && openMonths.includes(asked) ? asked : (defaultMonth ?? openMonths.at(-1) ?? `${campaign.year}-01`);
  // A district editor always works on their own district; others pick one (an active district).
  const askedDistrict = Number(first(sp.district));
  const district = acrossDistricts ? (choices.districts.find((d) => d.id === askedDistrict) ?? choices.districts[0]) : { id: user.districtId!, name: "" };
  if (!district) return <p>没有可填报的区县。</p>;

  const ms = await getDistrictMonthState(campaign.id, district.id, month);
  const state = ms?.state ?? "locked";
  const editable = canEditMonth(user, access, district.id, state);
  const allProjects = await listKeyProjectsForMonth(scope, district.id, month, addMonths(month, -1));
  const needed = allProjects.filter((p) => needsMonthValue(p, month));
  // By default only the projects that need a figure this month; ?all=1 (a plain link) shows every key project.
  const showAll = first(sp.all) === "1";
  const projects = showAll ? allProjects : needed;
  const monthText = `${monthNumber(month)}月`;
  const hrefWith = (all: boolean) => {
    const q = new URLSearchParams({ month });
    if (acrossDistricts) q.set("district", String(district.id));
    if (all) q.set("all", "1");
    return `/district/projects/progress?${q.toString()}`;
  };
  const rows: BulkRow[] = projects.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    stageText: STAGE_LABELS[p.stage],
    plan: formatYi(p.annualPlannedInvestment),
    earlier: formatWan(p.earlierInvestment),
    previous: p.previousInvestment === null ? "—" : formatWan(p.previousInvestment),
    version: p.entryVersion,
    amount: p.entryInvestment === null ? "" : baseToDisplayExact(p.entryInvestment, 1),
    note: p.entryNote ?? "",
  }));
  const filled = needed.filter((p) => p.entryInvestment !== null).length;
  // A district editor files figures and project investment together: the grid links to the figures form and back.
  const figuresLeft = acrossDistricts ? null : (await getMonthLeft(campaign.id, district.id, month)).indicators.length;

  return (
    <div className="space-y-5">
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/district/projects" className="text-brand-700 underline">← 项目管理</Link>
        {figuresLeft !== null && (
          <Link href={`/district/figures?month=${month}`} data-link="figures" className="font-medium text-brand-700 underline">
            {monthLabel(month)}月度指标{figuresLeft > 0 ? `：还差 ${figuresLeft} 项未填` : "：已填完"} →
          </Link>
        )}
      </p>
      <h1 className="text-2xl font-bold">批量填报月度投资</h1>
      <Picker action="/district/projects/progress" submitLabel="切换" hidden={{ all: showAll && "1" }}>
        {acrossDistricts && <PickerSelect name="district" label="区县" value={String(district.id)} options={choices.districts.map((d) => ({ value: String(d.id), label: d.name }))} />}
        <PickerSelect name="month" label="月份" value={month} options={openMonths.map((m) => ({ value: m, label: monthLabel(m) }))} />
      </Picker>

      <p className="text-sm text-slate-700">
        {acrossDistricts && `${district.name} · `}
        {monthLabel(month)}：<Badge look="soft" tone={editable ? "green" : "slate"}>{monthStateText(state, ms?.isOpen ?? false)}</Badge>
        <span className="ml-2">本月需填报 {needed.length} 个，已填 {filled} 个（共 {allProjects.length} 个市重点项目）。</span>
      </p>
      <p id="filter-state" className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
        {showAll ? (
          <>
            <span>正在显示全部 {allProjects.length} 个市重点项目。</span>
            <Link href={hrefWith(false)} className="text-brand-700 underline">只显示本月需填报的 {needed.length} 个项目</Link>
          </>
        ) : (
          <>
            <span>筛选：只显示本月需填报的 {needed.length} 个项目（{monthText}在建，含本月开工、本月建成的项目，以及本月已填数值的项目）。</span>
            <Link href={hrefWith(true)} className="text-brand-700 underline">显示全部 {allProjects.length} 个项目</Link>
          </>
        )}
      </p>

      {projects.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-600">{allProjects.length === 0 ? "没有市重点项目。" : "本月没有需要填报的项目。"}</p>
      ) : editable ? (
        <BulkProgressForm month={month} monthText={monthText} rows={rows} />
      ) : (
        <>
          <p role="note" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">
            {monthLabel(month)}{monthStateText(state, ms?.isOpen ?? false)}，不能修改。{state === "approved" ? "如需更正，请联系专项办退回该月报表。" : ""}
            {state === "locked" && ms?.isOpen ? "如需更正，请联系专项办解锁。" : ""}
          </p>
          <ReadOnlyTable rows={rows} monthText={monthText} />
        </>
      )}
    </div>
  );
}

function ReadOnlyTable({ rows, monthText }: { rows: BulkRow[]; monthText: string }) {
  return (
    <DataTable caption={<>{monthText}重点项目完成投资（万元，只读）</>} look="framed" head={<>
          <tr>
            <th scope="col">代码</th>
            <th scope="col">项目名称</th>
            <th scope="col">阶段</th>
            <th scope="col" className="num">年度计划（亿元）</th>
            <th scope="col" className="num">{monthText}完成投资（万元）</th>
          </tr>
    </>}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="tabular text-slate-600">{r.code}</td>
              <th scope="row" className="font-medium">
                <Link href={`/district/projects/${r.id}`} className="text-brand-700 underline">{r.name}</Link>
              </th>
              <td>{r.stageText}</td>
              <td className="num">{r.plan}</td>
              <td className="num">{r.amount === "" ? <span className="text-slate-400">未填</span> : formatWan(Number(r.amount))}</td>
            </tr>
          ))}
    </DataTable>
  );
}
