import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { can } from "@/domain/policy";
import { monthNumber } from "@/domain/months";
import { getProject, getProjectAccessFacts, listProjectFormChoices } from "@/db/queries/projects";
import { listProjectProgress } from "@/db/queries/project-months";
import { getDistrictMonthState, listPeriods } from "@/db/queries/reporting";
import { canEditMonth, projectAccess } from "../access";
import { monthStateText, STAGE_LABELS, yiInput } from "@/domain/project-format";
import { registerChoices } from "../register-fields";
import { MonthRow, RegisterForm, StageForm } from "./project-forms";
import { EvidenceSection } from "./evidence-section";

import { coordinateText } from "@/domain/map/coordinates";
import { DataTable } from "@/components/ui/data-table";
import { baseToDisplayExact, completionRate, formatDateTime, formatWan, formatYi } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "项目详情" };

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ next: `/district/projects/${encodeURIComponent((await params).projectId)}` });
  const access = await projectAccess(user);
  const { projectId } = await params;
  if (!/^[1-9]\d{0,8}$/.test(projectId)) notFound();
  const [facts] = await getProjectAccessFacts(access.campaign.id, [Number(projectId)]);
  if (!facts) notFound();
  // Another district's project: refused (403) and the attempt audited.
  await requirePermission("report.read", { districtId: facts.districtId, ownerDepartmentIds: access.ownerDepartmentIds });
  const project = await getProject(access.scope, facts.id);
  if (!project) notFound();
  const { campaign } = access;
  const [progress, periods, choices] = await Promise.all([listProjectProgress(project.id, campaign.year), listPeriods(campaign.id), listProjectFormChoices(campaign.id)]);
  const months = await Promise.all(periods.map((p) => getDistrictMonthState(campaign.id, project.districtId, p.month)));
  const entries = new Map(progress.map((e) => [e.month, e]));
  const yearTotal = progress.reduce((s, e) => s + e.investment, 0);
  const { created, ev, evm, evn } = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const editableMonths = periods.filter((p, i) => canEditMonth(user, access, project.districtId, months[i]?.state ?? "locked")).map((p) => p.month);

  const saved = {
    code: project.code,
    name: project.name,
    sectorId: project.sectorId?.toString() ?? "",
    actionId: project.actionId?.toString() ?? "",
    owner: project.owner,
    totalInvestment: yiInput(project.totalInvestment),
    annualPlannedInvestment: yiInput(project.annualPlannedInvestment),
    plannedStartOn: project.plannedStartOn ?? "",
    plannedCompletionOn: project.plannedCompletionOn ?? "",
    isKey: project.isKey ? "1" : "",
    isPublic: project.isPublic ? "1" : "",
    description: project.description,
    longitude: coordinateText(project.longitude),
    latitude: coordinateText(project.latitude),
  };

  return (
    <div className="max-w-5xl space-y-6">
      <p className="text-sm">
        <Link href="/district/projects" className="text-brand-700 underline">← 项目管理</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {project.name} <span className="tabular text-base font-normal text-slate-500">{project.code}</span>
      </h1>
      {can(user, "order.issue") && (
        <Link href={`/city/orders/new?subject=project&project=${project.id}`} className="text-sm text-brand-700 underline">下达督办单（本月未填进度等）</Link>
      )}
      {created === "1" && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">项目已创建。开工后请在下方登记阶段和实际开工日期，并按月填报完成投资。</p>
      )}
      <dl className="grid grid-cols-[7rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-[7rem_1fr_7rem_1fr]">
        <dt className="text-slate-500">区县</dt>
        <dd>{project.districtName}</dd>
        <dt className="text-slate-500">阶段</dt>
        <dd>{STAGE_LABELS[project.stage]}{project.isKey ? " · 市重点项目" : ""}</dd>
        <dt className="text-slate-500">总投资</dt>
        <dd className="tabular">{formatYi(project.totalInvestment)} 亿元</dd>
        <dt className="text-slate-500">年度计划投资</dt>
        <dd className="tabular">{formatYi(project.annualPlannedInvestment)} 亿元</dd>
        <dt className="text-slate-500">本年已完成</dt>
        <dd className="tabular">
          {formatYi(yearTotal)} 亿元（完成年度计划的 {completionRate(yearTotal, project.annualPlannedInvestment)}）
        </dd>
        <dt className="text-slate-500">最近修改</dt>
        <dd className="tabular">{project.updatedByName ? `${project.updatedByName} · ` : ""}{formatDateTime(project.updatedAt)}</dd>
      </dl>

      <section aria-labelledby="register-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="register-heading" className="mb-3 text-lg font-semibold">登记信息</h2>
        <RegisterForm projectId={project.id} version={project.version} saved={saved} choices={registerChoices(choices)} />
      </section>

      <section aria-labelledby="stage-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="stage-heading" className="mb-1 text-lg font-semibold">阶段与实际日期</h2>
        <p className="mb-3 text-sm text-slate-600">在建须有实际开工日期；已建成须有开工和建成日期。日期计入所在月份的新开工、新建成统计，该月须未锁定、未报送。</p>
        <StageForm
          projectId={project.id}
          version={project.version}
          saved={{ stage: project.stage, actualStartOn: project.actualStartOn ?? "", actualCompletionOn: project.actualCompletionOn ?? "" }}
        />
      </section>

      <section aria-labelledby="progress-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="progress-heading" className="mb-1 text-lg font-semibold">{campaign.year} 年月度完成投资</h2>
        <p className="mb-3 text-sm text-slate-600">单位：万元。0 表示当月没有投资；未填的月份留空。只有未锁定、未报送的月份可以修改。</p>
        <DataTable caption={<>{project.name} {campaign.year} 年各月完成投资（万元）</>} head={<>
              <tr>
                <th scope="col">月份</th>
                <th scope="col">完成投资（万元）</th>
                <th scope="col">备注</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
        </>}>
              {periods.map((p, i) => {
                const ms = months[i];
                const state = ms?.state ?? "locked";
                const stateText = monthStateText(state, ms?.isOpen ?? false);
                const entry = entries.get(p.month);
                const label = `${monthNumber(p.month)}月`;
                if (canEditMonth(user, access, project.districtId, state)) {
                  return (
                    <MonthRow
                      key={p.month}
                      projectId={project.id}
                      month={p.month}
                      label={label}
                      stateText={stateText}
                      version={entry?.version ?? null}
                      amount={entry ? baseToDisplayExact(entry.investment, 1) : ""}
                      note={entry?.note ?? ""}
                    />
                  );
                }
                return (
                  <tr key={p.month} className="bg-slate-50/60 text-slate-700">
                    <th scope="row" className="font-medium whitespace-nowrap">{label}</th>
                    <td className="tabular">{entry ? formatWan(entry.investment) : <span className="text-slate-400">未填</span>}</td>
                    <td>{entry?.note ?? ""}</td>
                    <td className="whitespace-nowrap">
                      <Badge look="soft" colors="bg-slate-200 text-slate-700">{stateText}</Badge>
                    </td>
                    <td className="text-xs text-slate-500">不可修改</td>
                  </tr>
                );
              })}
        </DataTable>
      </section>

      <EvidenceSection projectId={project.id} editableMonths={editableMonths} outcome={{ ev: one(ev), evm: one(evm), evn: one(evn) }} />
    </div>
  );
}
