import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { can } from "@/domain/policy";
import { ReportStateBadge } from "@/components/report-state-badge";
import { listMonthFlags } from "@/db/queries/plausibility";
import { getReviewHead, listReviewValues } from "@/db/queries/review";
import { getReviewSnapshots, listProjectNames, listReportCorrections, listReviewProjects, listReviewRecords } from "@/db/queries/review-detail";
import { monthState } from "@/db/queries/reporting";
import { BASELINE_LABELS, chooseBaseline, copiesAsData } from "../_lib/baseline";
import { CorrectionsList } from "./corrections-list";
import { flagLine, FlagsSummary } from "./flag-notes";
import { FiguresTable } from "./figures-table";
import { figureHistoryHref } from "../../audit/filters";
import { ProjectsTable } from "./projects-table";
import { RecordsList } from "./records-list";
import { MonthEvidence } from "./evidence-list";
import { ReopenForm } from "./reopen-form";
import { ReviewForms } from "./review-forms";
import { buildFigureGroups, buildProjectRows, kindOf } from "./view";
import { formatDateTime } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "审核月报" };

export default async function ReviewReportPage({ params, searchParams }: { params: Promise<{ reportId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reportId } = await params;
  const user = await requirePermission("report.review", {}, { next: `/city/review/${reportId}` });
  const { pub } = await searchParams;
  const id = Number(reportId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const report = await getReviewHead(id);
  if (!report) notFound();
  const state = monthState(report.locked, report.status);
  const [values, projectRows, records, snaps, flags, corrections] = await Promise.all([
    listReviewValues(report.id, report.campaignId),
    listReviewProjects(report.campaignId, report.districtId, report.month),
    listReviewRecords(report.campaignId, report.districtId, report.month),
    getReviewSnapshots(report.id),
    listMonthFlags({ campaignId: report.campaignId, month: report.month, districtId: report.districtId }),
    listReportCorrections(report.id),
  ]);
  const baseline = chooseBaseline({
    status: report.status,
    restating: report.restating,
    official: report.official,
    returnedAt: report.returnedAt,
    approvedSnapshot: snaps.approved,
    submittedSnapshots: snaps.submitted,
    approvedCopies: copiesAsData(values, projectRows),
  });
  const removedIds = baseline.data ? Object.keys(baseline.data.projects).map(Number).filter((pid) => !projectRows.some((p) => p.projectId === pid)) : [];
  const removed = await listProjectNames(report.campaignId, report.districtId, removedIds);
  const groups = buildFigureGroups(values, baseline, flags);
  const projectViews = buildProjectRows(projectRows, removed, baseline, flags);
  const label = BASELINE_LABELS[baseline.kind];
  const compared = baseline.kind !== "none";
  const correcting = baseline.kind === "restating";
  const openFlags = flags.filter((f) => !f.resolvedAt);
  const canApprove = can(user, "report.approve", { districtId: report.districtId, state });
  const canReopen = can(user, "report.reopen", { districtId: report.districtId, state });
  const nowColumn = report.status === "approved" ? "审定值" : report.status === "submitted" ? "本次报送值" : "当前填报值";
  return (
    <div className="space-y-5">
      <p className="text-sm"><Link href={`/city/review?month=${report.month}`} className="text-brand-700 underline">← 返回审核列表</Link></p>
      <div>
        <h1 className="text-2xl font-bold">{report.districtName} · {monthLabel(report.month)}月报</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <ReportStateBadge state={state} />
          {report.restating && <Badge look="soft" colors="bg-purple-50 text-purple-800">更正中</Badge>}
          {report.submittedAt && <span>{report.submittedByName ?? "填报员"} 报送于 {formatDateTime(report.submittedAt)}</span>}
        </p>
      </div>
      {report.restating && (
        <div role="note" data-restating className="rounded-md border border-purple-200 bg-purple-50 px-4 py-3 text-sm text-purple-950">
          <p><strong>更正：</strong>{report.reopenedByName ?? "专项办"} 于 {formatDateTime(report.reopenedAt)} 重新打开本月以便更正。</p>
          <p className="mt-1">更正原因：{report.reopenReason}</p>
          <p className="mt-1 text-purple-900">更正审核通过前，公开数据仍是原审定值；通过后新值生效，原审定值留存备查。</p>
        </div>
      )}
      {report.returnComment && report.status !== "approved" && !report.restating && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950"><strong>上次退回意见：</strong>{report.returnComment}</p>
      )}
      <FlagsSummary flags={flags} />
      {compared && (
        <p data-baseline={baseline.kind} className="text-sm text-slate-700">
          <strong>变化对比：</strong>{label.note}{baseline.at && baseline.kind === "returned" ? `（${formatDateTime(baseline.at)} 报送）` : ""}。有变化的行以底色标出。
        </p>
      )}
      <section aria-labelledby="figures-title" className="space-y-2">
        <h2 id="figures-title" className="text-lg font-semibold">月度指标</h2>
        <FiguresTable groups={groups} oldColumn={compared ? label.column : null} nowColumn={nowColumn} correcting={correcting} historyHref={can(user, "audit.read") ? (i) => figureHistoryHref(report.districtId, report.month, i) : undefined} />
      </section>
      <ProjectsTable rows={projectViews} oldColumn={compared && baseline.data ? label.column : null} correcting={correcting} />
      <RecordsList records={records} month={report.month} />
      <MonthEvidence reportId={report.id} campaignId={report.campaignId} districtId={report.districtId} month={report.month} canPublish={can(user, "report.review")} outcome={typeof pub === "string" ? pub : undefined} />
      <CorrectionsList corrections={corrections} kinds={new Map(values.map((v) => [v.indicatorId, kindOf(v)]))} />
      {report.status === "submitted" && !report.locked && canApprove && (
        <ReviewForms reportId={report.id} version={report.version} openFlags={openFlags.length} flaggedComment={openFlags.map(flagLine).join("\n")} />
      )}
      {report.status === "approved" && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900">已审核通过（{formatDateTime(report.approvedAt)}），本月数据已计入正式汇总。</p>
      )}
      {canReopen && <ReopenForm reportId={report.id} version={report.version} />}
      {report.status === "approved" && report.locked && user.role === "city_admin" && (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-4 py-2 text-sm text-slate-700">该月已锁定，请先在“<Link href="/city/periods" className="text-brand-700 underline">月份锁定</Link>”页解锁，再重新打开以更正。</p>
      )}
      {report.status === "returned" && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
          {report.restating ? "已重新打开以更正" : "已退回"}（{formatDateTime(report.returnedAt)}），等待区县修改后重新报送。
        </p>
      )}
      {report.status === "draft" && <p className="text-sm text-slate-600">区县尚未报送，暂无审核操作。</p>}
    </div>
  );
}
