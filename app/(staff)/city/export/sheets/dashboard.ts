import "server-only";
import type ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { ytdLabel } from "@/domain/months";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import { formatAmounts, KIND_WORDS, PACE_WORDS, pct, GAP_FMT, PCT_FMT, targetOf, unitText, valueOf } from "./common";

/** Dashboard: every indicator with target, year-to-date actual, %, 序时, status, reason, growth and multiple. */
export function dashboardSheet(wb: ExcelJS.Workbook, indicators: IndicatorWithRollup[], actionName: (topActionId: number) => string, year: number, month: string): void {
  const ytd = ytdLabel(month);
  const ws = styledSheet(wb, "指标总览", [
    { header: "专项行动", key: "action", width: 22 },
    { header: "指标", key: "name", width: 30 },
    { header: "指标代码", key: "code", width: 24 },
    { header: "计算方式", key: "kind", width: 10 },
    { header: "牵头部门", key: "owner", width: 20 },
    { header: "单位", key: "unit", width: 9 },
    { header: `${year}年目标（指标单位）`, key: "target", width: 16 },
    { header: `${ytd}完成（指标单位）`, key: "actual", width: 16 },
    { header: "完成率（%）", key: "share", width: 11, numFmt: PCT_FMT },
    { header: "序时进度（%）", key: "expected", width: 12, numFmt: PCT_FMT },
    { header: "与序时差距（百分点）", key: "gap", width: 14, numFmt: GAP_FMT },
    { header: "状态", key: "status", width: 10 },
    { header: "说明", key: "reason", width: 40 },
    { header: "同比增长（%）", key: "growth", width: 12, numFmt: PCT_FMT },
    { header: "为基数的倍数（倍）", key: "multiple", width: 14, numFmt: "0.00" },
    { header: "有数据的区县（个）", key: "reporting", width: 14 },
  ]);
  for (const ind of indicators) {
    const c = ind.rollup.city;
    const ratio = ind.aggregation === "ratio";
    const row = ws.addRow({
      action: actionName(ind.topActionId),
      name: ind.name,
      code: ind.code,
      kind: KIND_WORDS[ind.kind],
      owner: ind.ownerDepartmentName ?? "",
      unit: unitText(ind),
      target: targetOf(ind, c.target),
      actual: valueOf(ind, c.actual),
      share: pct(c.pace.share),
      expected: ratio || c.pace.status === "no_target" ? null : pct(c.pace.expected),
      gap: c.pace.gapPoints,
      status: PACE_WORDS[c.pace.status],
      reason: c.pace.reason,
      growth: pct(c.growth),
      multiple: c.multiple == null ? null : Math.round(c.multiple * 100) / 100,
      reporting: c.districtsReporting,
    });
    formatAmounts(row, ["target", "actual"], ind);
  }
  guardTextCells(wb);
}
