import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { getFigureHistory, loadAuditNames } from "@/db/queries/audit";
import { actorText } from "../actor";
import { describeAuditRow } from "@/domain/audit/describe";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "这个数字的变更记录" };

const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const paramsSchema = z.object({ district: id, indicator: id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** /city/audit/figure?district=…&month=YYYY-MM&indicator=…: every change of one district-month-indicator value. */
export default async function FigureHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read", {}, { next: "/city/audit" });
  const sp = await searchParams;
  const parsed = paramsSchema.safeParse({ district: first(sp.district), indicator: first(sp.indicator), month: first(sp.month) });
  if (!parsed.success) notFound();
  const { district: districtId, indicator: indicatorId, month } = parsed.data;
  const history = await getFigureHistory({ districtId, month, indicatorId });
  if (!history) notFound();
  const code = history.indicator.code;
  // A save may have changed several figures: keep only this one.
  const only = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) && code in v ? { [code]: (v as Record<string, unknown>)[code] } : {});
  const rows = history.rows.map((r) => (r.action === "figures.save" ? { ...r, before: only(r.before), after: only(r.after) } : r));
  const names = await loadAuditNames(rows);
  const title = `${history.district.name}${monthLabel(month)}“${history.indicator.name}”`;
  return (
    <div className="max-w-4xl space-y-4">
      <p className="text-sm">
        <Link href={`/city/audit?district=${districtId}&indicator=${indicatorId}`} className="text-brand-700 underline">← 审计日志（本区县、本指标）</Link>
      </p>
      <h1 className="text-2xl font-bold">这个数字的变更记录</h1>
      <p className="text-slate-700">{title}：每一次保存、报送、退回、审核和更正，从早到晚。</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{history.report ? "这个数字还没有变更记录。" : "该区县这个月还没有月报。"}</p>
      ) : (
        <ol className="space-y-2" aria-label="变更记录">
          {rows.map((r) => {
            const d = describeAuditRow(r, names);
            const note = r.action === "figures.save" ? d.changes.find((c) => c.label.endsWith("的说明")) : undefined;
            const value = d.changes.find((c) => !c.label.endsWith("的说明"));
            const other = r.action === "figures.save" ? [] : d.changes.filter((c) => c.label !== "状态");
            return (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="flex flex-wrap gap-x-3 text-slate-600">
                  <span className="tabular">{formatDateTime(r.at)}</span>
                  <span>{actorText(r)}</span>
                  <span className="font-medium text-slate-900">{d.action}</span>
                </p>
                {value && (
                  <p className="mt-1">
                    <span className="tabular">{value.from}</span> → <span className="tabular font-medium">{value.to}</span>
                  </p>
                )}
                {note && <p className="mt-1 text-slate-700">说明：{note.to}</p>}
                {other.map((c, i) => (
                  <p key={i} className="mt-1 text-slate-700">{c.label}：{c.to}</p>
                ))}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
