import "server-only";
import ExcelJS from "exceljs";
import { guardTextCells, styledSheet } from "./workbook";

export interface AuditSheetRow {
  at: string;
  actor: string;
  action: string;
  outcome: string;
  subject: string;
  changes: string;
  district: string;
  address: string;
}

/** The filtered audit list as a sheet: one row per event, changes as "名称 原值 → 新值" lines. */
export function buildAuditWorkbook(rows: readonly AuditSheetRow[], caption: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  const ws = styledSheet(wb, "审计日志", [
    { header: "时间（北京时间）", key: "at", width: 18 },
    { header: "操作人", key: "actor", width: 20 },
    { header: "操作", key: "action", width: 20 },
    { header: "结果", key: "outcome", width: 8 },
    { header: "对象", key: "subject", width: 28 },
    { header: "变更（原值 → 新值）", key: "changes", width: 60 },
    { header: "区县", key: "district", width: 12 },
    { header: "地址", key: "address", width: 16 },
  ]);
  for (const r of rows) {
    const row = ws.addRow(r);
    row.getCell("changes").alignment = { wrapText: true, vertical: "top" };
  }
  ws.addRow({});
  ws.addRow({ at: caption });
  // Names, notes and reasons are people's own text: never let one start a formula.
  return guardTextCells(wb);
}
