import { buildAuditWorkbook } from "@/app/_lib/excel/audit-sheet";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { AUDIT_EXPORT_MAX_ROWS, listAuditEventsForExport, loadAuditNames } from "@/db/queries/audit";
import { describeAuditRow } from "@/domain/audit/describe";
import { parseAuditParams } from "../filters";
import { actorText } from "../actor";
import { formatDateTime } from "@/domain/format";

/** GET /city/audit/export?…: the audit list with the page's filters, as an Excel file. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("audit.read", {}, { next: "/city/audit" });
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  const { filter } = parseAuditParams(sp);
  const all = await listAuditEventsForExport(filter);
  const rows = all.slice(0, AUDIT_EXPORT_MAX_ROWS);
  const names = await loadAuditNames(rows);
  const sheetRows = rows.map((r) => {
    const d = describeAuditRow(r, names);
    return {
      at: formatDateTime(r.at),
      actor: actorText(r),
      action: d.action,
      outcome: r.outcome === "ok" ? "成功" : "拒绝",
      subject: d.subject,
      changes: d.changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join("\n"),
      district: r.districtName ?? "",
      address: r.clientAddress ?? "",
    };
  });
  const caption = all.length > AUDIT_EXPORT_MAX_ROWS ? `只导出了最新的 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小筛选范围后分次导出。` : `共 ${rows.length} 条。`;
  return xlsxResponse(buildAuditWorkbook(sheetRows, caption), "审计日志.xlsx");
}
