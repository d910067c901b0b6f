import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { listAuditEvents, listAuditFilterOptions, loadAuditNames } from "@/db/queries/audit";
import { actorText } from "./actor";
import { ChangeList } from "./changes";
import { describeAuditRow } from "@/domain/audit/describe";
import { AuditFilterForm } from "./filter-form";
import { auditHref, parseAuditParams } from "./filters";
import { formatDateTime } from "@/domain/format";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "审计日志" };

const COLUMNS = ["时间", "操作人", "操作", "结果", "对象", "变更（原值 → 新值）", "区县", "地址"];

const OUTCOME_LABELS = { ok: "成功", denied: "拒绝" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read", {}, { next: "/city/audit" });
  const { params, filter } = parseAuditParams(await searchParams);
  const [options, result] = await Promise.all([listAuditFilterOptions(), listAuditEvents(filter)]);
  const { rows, total, page, lastPage } = result;
  const names = await loadAuditNames(rows);
  const filtered = Object.entries(params).some(([k, v]) => k !== "page" && v !== undefined);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">审计日志</h1>
        {/* A route handler download, not a page: a plain link. */}
        <a href={auditHref(params, 1, "/city/audit/export")} download className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 no-underline hover:bg-slate-100">
          导出 Excel
        </a>
      </div>

      <AuditFilterForm params={params} options={options} filtered={filtered} />

      <p role="status" className="text-sm text-slate-600">
        共 {total} 条{total > 0 && `，第 ${page} / ${lastPage} 页`}
      </p>

      <DataTable caption={<>审计日志，按时间从新到旧排列，第 {page} 页</>} look="framed" density="compact" nowrapHead columns={COLUMNS}>
            {rows.length === 0 && <EmptyRow colSpan={8}>没有符合条件的记录</EmptyRow>}
            {rows.map((r) => {
              const d = describeAuditRow(r, names);
              return (
                <tr key={r.id}>
                  <th scope="row" className="tabular whitespace-nowrap">{formatDateTime(r.at)}</th>
                  <td>{actorText(r)}</td>
                  <td>{d.action}</td>
                  <td className="whitespace-nowrap">
                    <Badge look="soft" tone={r.outcome === "ok" ? "green" : "red"}>{OUTCOME_LABELS[r.outcome]}</Badge>
                  </td>
                  <td>{d.subject}</td>
                  <td className="min-w-56">
                    <ChangeList changes={d.changes} districtId={r.districtId} month={r.reportMonth} />
                  </td>
                  <td className="whitespace-nowrap">{r.districtName ?? "—"}</td>
                  <td className="font-mono text-xs">{r.clientAddress ?? "—"}</td>
                </tr>
              );
            })}
      </DataTable>

      {lastPage > 1 && (
        <nav aria-label="分页" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={auditHref(params, page - 1)} className="text-brand-700 underline">← 上一页</Link> : <span />}
          <span className="text-slate-600">第 {page} / {lastPage} 页</span>
          {page < lastPage ? <Link href={auditHref(params, page + 1)} className="text-brand-700 underline">下一页 →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
