import "server-only";
import type ExcelJS from "exceljs";
import { DISTRICT_KIND_LABELS } from "@/domain/labels";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import type { CompletenessBoard } from "../../completeness/load";
import { stateLabel, timelinessLabel } from "../../completeness/status";

/** The completeness board, long form (one row per district-month), and the month counts. */
export function completenessSheets(wb: ExcelJS.Workbook, board: CompletenessBoard): void {
  const ws = styledSheet(wb, "报送情况", [
    { header: "月份", key: "month", width: 10 },
    { header: "区县", key: "name", width: 22 },
    { header: "类别", key: "kind", width: 9 },
    { header: "状态", key: "state", width: 10 },
    { header: "是否按时", key: "timeliness", width: 12 },
    { header: "截止后报送天数（天）", key: "daysLate", width: 14 },
    { header: "逾期未报天数（天）", key: "daysOverdue", width: 14 },
    { header: "报送日期", key: "submittedOn", width: 12 },
    { header: "截止日期", key: "dueOn", width: 12 },
    { header: "月份已锁定", key: "locked", width: 10 },
  ]);
  for (const m of board.months) {
    for (const d of board.districts) {
      const c = m.cells.get(d.id);
      if (!c) continue;
      ws.addRow({
        month: m.month,
        name: d.name,
        kind: DISTRICT_KIND_LABELS[d.kind],
        state: stateLabel(c),
        timeliness: timelinessLabel(c) ?? "",
        daysLate: c.daysLate,
        daysOverdue: c.daysOverdue,
        submittedOn: c.submittedOn ?? "",
        dueOn: c.dueOn,
        locked: c.locked ? "是" : "否",
      });
    }
  }
  const sum = styledSheet(wb, "每月汇总", [
    { header: "月份", key: "month", width: 10 },
    { header: "截止日期", key: "dueOn", width: 12 },
    { header: "应报区县（个）", key: "total", width: 12 },
    { header: "已审核（个）", key: "approved", width: 11 },
    { header: "待审核（个）", key: "submitted", width: 11 },
    { header: "已退回（个）", key: "returned", width: 11 },
    { header: "草稿未报（个）", key: "draft", width: 12 },
    { header: "缺报（个）", key: "missing", width: 10 },
    { header: "按时报送（个）", key: "onTime", width: 12 },
    { header: "截止后报送（个）", key: "late", width: 12 },
    { header: "补录（个）", key: "backfilled", width: 10 },
    { header: "逾期未报（个）", key: "overdue", width: 12 },
  ]);
  for (const m of board.months) sum.addRow({ month: m.month, dueOn: m.dueOn, ...m.counts });
  guardTextCells(wb);
}
