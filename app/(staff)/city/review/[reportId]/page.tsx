import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { formatDateTime } from "@/app/_lib/labels";
import { monthLabel } from "@/app/_lib/months";
import { formatWithUnit } from "@/app/_lib/numbers";
import { ReportStateBadge } from "@/components/report-state-badge";
import { getReportForReview } from "@/db/queries/review";
import { monthState } from "@/db/queries/reporting";
import { ReviewForms } from "./review-forms";

export const metadata: Metadata = { title: "审核月报" };

type Row = NonNullable<Awaited<ReturnType<typeof getReportForReview>>>["values"][number];

function shown(r: Row, which: "now" | "approved"): string {
  const v = which === "now" ? r.value : r.approvedValue;
  const n = which === "now" ? r.numerator : r.approvedNumerator;
  const d = which === "now" ? r.denominator : r.approvedDenominator;
  if (r.aggregation === "ratio") return n != null && d ? `${((n / d) * 100).toFixed(1)}%（${n} / ${d}）` : "—";
  return v == null ? "—" : formatWithUnit(v, { code: "", symbol: r.unitSymbol, scale: r.unitScale }, r.decimals);
}

export default async function ReviewReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const id = Number(reportId);
  await requirePermission("city.read", {}, { next: `/city/review/${reportId}` });
  if (!Number.isInteger(id) || id <= 0) notFound();
  const report = await getReportForReview(id);
  if (!report) notFound();
  const state = monthState(report.locked, report.status);
  const everApproved = report.values.some((v) => v.approvedValue != null || v.approvedNumerator != null);
  return (
    <div className="space-y-5">
      <p className="text-sm"><Link href={`/city/review?month=${report.month}`} className="text-brand-700 underline">← 返回审核列表</Link></p>
      <div>
        <h1 className="text-2xl font-bold">{report.districtName} · {monthLabel(report.month)}月报</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <ReportStateBadge state={state} />
          {report.submittedAt && <span>{report.submittedByName ?? "填报员"} 报送于 {formatDateTime(report.submittedAt)}</span>}
        </p>
      </div>
      {report.returnComment && report.status !== "approved" && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950"><strong>上次退回意见：</strong>{report.returnComment}</p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">各项数值：上次审核通过的值与现在的值</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
              <th scope="col" className="px-3 py-2">指标</th>
              <th scope="col" className="px-3 py-2 text-right">上次审核值</th>
              <th scope="col" className="px-3 py-2 text-right">本次报送值</th>
              <th scope="col" className="px-3 py-2">变化</th>
              <th scope="col" className="px-3 py-2">说明</th>
            </tr>
          </thead>
          <tbody>
            {report.values.map((r) => {
              const before = shown(r, "approved");
              const now = shown(r, "now");
              const changed = everApproved && before !== now;
              return (
                <tr key={r.indicatorId} data-changed={changed ? "1" : "0"} className={`border-b border-slate-100 last:border-0 ${changed ? "bg-amber-50" : ""}`}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">{r.name}</th>
                  <td className="tabular px-3 py-2 text-right text-slate-600">{everApproved ? before : "（首次报送）"}</td>
                  <td className="tabular px-3 py-2 text-right font-medium">{now}</td>
                  <td className="px-3 py-2 text-xs">{changed ? <span className="text-amber-900">已修改：{before} → {now}</span> : ""}</td>
                  <td className="px-3 py-2 text-slate-600">{r.note ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.status === "submitted" && !report.locked && <ReviewForms reportId={report.id} version={report.version} />}
      {report.status === "approved" && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900">已审核通过（{formatDateTime(report.approvedAt)}），本月数据已计入正式汇总。</p>
      )}
      {report.status === "returned" && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">已退回（{formatDateTime(report.returnedAt)}），等待区县修改后重新报送。</p>
      )}
      {report.status === "draft" && <p className="text-sm text-slate-600">区县尚未报送，暂无审核操作。</p>}
    </div>
  );
}
