import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { isMonth, monthLabel, todayInShanghai, ytdLabel } from "@/domain/months";
import { can } from "@/domain/policy";
import { ReportStateBadge } from "@/components/report-state-badge";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listReportingDistricts } from "@/db/queries/figures";
import { listMonthFlags, type FlagRow } from "@/db/queries/plausibility";
import { getDefaultMonth, getDistrictMonthState, listPeriods } from "@/db/queries/reporting";
import { listDepartmentNames } from "@/db/queries/users";
import { FiguresForm, type FormRow } from "./figures-form";
import { storedFormValues } from "./form-values";
import { toFormRows, valueText } from "./form-rows";
import { loadFigureRows, type FigureRow } from "../../../_lib/figures-load";
import { getMonthLeft } from "../month-left";
import { resolveDistrict } from "./scope";
import { FiguresUploadForm } from "./upload-form";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime, formatWithUnit } from "@/domain/format";
import { Badge } from "@/components/ui/badge";
import { Picker, PickerSelect } from "@/components/ui/picker";

export const metadata: Metadata = { title: "月度指标填报" };

export default async function FiguresPage({ searchParams }: { searchParams: Promise<{ month?: string; district?: string; focus?: string }> }) {
  const user = await requireUser({ next: "/district/figures" });
  if (user.role === "city_leader") forbidden();
  const sp = await searchParams;
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  // Independent reads are issued together: over http:// to a libSQL server they leave as one request.
  const districtsP = user.role === "district_editor" ? Promise.resolve([]) : listReportingDistricts();
  const [allPeriods, defaultMonth, districts, district] = await Promise.all([
    listPeriods(campaign.id),
    getDefaultMonth(campaign.id),
    districtsP,
    districtsP.then((list) => resolveDistrict(user, sp.district ?? list[0]?.code)),
  ]);
  const periods = allPeriods.filter((p) => p.isOpen);
  const month = isMonth(sp.month) && periods.some((p) => p.month === sp.month) ? sp.month : defaultMonth;
  if (!month) notFound();
  if (!district) notFound();
  const ownerDepartment = user.role === "department_editor" ? (user.departmentId ?? -1) : undefined;
  const [rows, monthState, monthFlags, left] = await Promise.all([
    loadFigureRows(campaign.id, district.id, month, ownerDepartment),
    getDistrictMonthState(campaign.id, district.id, month),
    listMonthFlags({ campaignId: campaign.id, month, districtId: district.id, unresolvedOnly: true }),
    user.role === "district_editor" ? getMonthLeft(campaign.id, district.id, month) : null,
  ]);
  const ownerDepartmentIds = [...new Set(rows.map((r) => r.indicator.ownerDepartmentId).filter((x): x is number => x != null))];
  if (rows.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">没有需要您填报的指标。</p>;
  }
  const state = monthState?.state ?? "locked";
  await requirePermission("report.read", { districtId: district.id, ownerDepartmentIds });
  const canEdit = can(user, "report.edit", { districtId: district.id, state, ownerDepartmentIds });
  const canSubmit = can(user, "report.submit", { districtId: district.id, state });
  const overdue = monthState && !monthState.submittedAt && (state === "draft" || state === "returned") && todayInShanghai() > monthState.dueOn;
  const flags = monthFlags.filter((f) => f.subject === "figure");
  const ownerNames = await listDepartmentNames(ownerDepartmentIds);

  const formRows: FormRow[] = toFormRows(rows, flags, ownerNames);
  // The district home's button names the first missing indicator: its first field takes the focus.
  const focusId = formRows.find((r) => String(r.id) === sp.focus)?.id;
  // District editors file figures and project investment together: the form links to the grid and back.
  const projectsLeft = left ? left.projectsLeft : null;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            {district.name} · {monthLabel(month)}月度指标
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <ReportStateBadge state={state} />
            {monthState && <span>报送截止：{monthState.dueOn}</span>}
            {overdue && <Badge look="soft" colors="bg-red-50 text-red-800">已超过报送截止日期</Badge>}
            {monthState?.submittedAt && <span>报送于 {formatDateTime(monthState.submittedAt)}</span>}
          </p>
        </div>
        <Picker label="选择月份">
          {districts.length > 0 && <PickerSelect name="district" label="区县" value={district.code} options={districts.map((d) => ({ value: d.code, label: d.name }))} />}
          <PickerSelect name="month" label="月份" value={month} options={periods.map((p) => ({ value: p.month, label: `${monthLabel(p.month)}${p.locked ? "（已锁定）" : ""}` }))} />
        </Picker>
      </div>
      {projectsLeft !== null && (
        <p className="text-sm">
          <Link href={`/district/projects/progress?month=${month}`} data-link="project-grid" className="font-medium text-brand-700 underline">
            本月项目投资{projectsLeft > 0 ? `：还差 ${projectsLeft} 个项目未填` : "：已填完"} →
          </Link>
        </p>
      )}
      {state === "returned" && monthState?.returnComment && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <strong>专项办退回意见：</strong>
          {monthState.returnComment}
        </div>
      )}
      {canEdit ? (
        <>
          <FiguresForm rows={formRows} initial={storedFormValues(rows, flags)} month={month} district={district.code} monthText={monthLabel(month)} canSubmit={canSubmit} focusId={focusId} />
          <FiguresUploadForm month={month} district={district.code} templateHref={`/district/figures/template?month=${month}&district=${district.code}`} />
        </>
      ) : (
        <ReadOnlyFigures rows={rows} flags={flags} month={month} reason={{ submitted: "已报送，审核期间不能修改。", approved: "已审核，不能修改。", locked: "本月已锁定，不能修改。", draft: "您没有修改本表的权限。", returned: "您没有修改本表的权限。" }[state]} />
      )}
    </div>
  );
}

function ReadOnlyFigures({ rows, flags, month, reason }: { rows: FigureRow[]; flags: FlagRow[]; month: string; reason: string }) {
  return (
    <section aria-label="本月数据（只读）" className="space-y-2">
      <p role="status" className="text-sm text-slate-600">{reason}</p>
      <DataTable caption={<>{monthLabel(month)}月度指标（只读）</>} look="framed" head={<>
            <tr>
              <th scope="col">指标</th>
              <th scope="col" className="num">上月</th>
              <th scope="col" className="num">本月</th>
              <th scope="col" className="num">{ytdLabel(month)}累计</th>
              <th scope="col">说明</th>
            </tr>
      </>}>
            {rows.map((r) => (
              <tr key={r.indicator.id}>
                <th scope="row">{r.indicator.name}</th>
                <td className="num text-slate-600">{valueText(r, r.lastMonth)}</td>
                <td className="num">{valueText(r, r.current)}</td>
                <td className="num">
                  {r.indicator.aggregation === "ratio" ? valueText(r, r.current) : r.current?.value != null ? formatWithUnit(r.context.previousYtd + r.current.value, r.indicator.unit, r.indicator.decimals) : "—"}
                </td>
                <td className="text-slate-600">
                  {r.current?.note ?? ""}
                  {flags.filter((f) => f.indicatorId === r.indicator.id).map((f) => (
                    <span key={f.id} data-flag-rule={f.rule} className="mt-1 block rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950">提醒：{f.message}</span>
                  ))}
                </td>
              </tr>
            ))}
      </DataTable>
    </section>
  );
}
