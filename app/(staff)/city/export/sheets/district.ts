import "server-only";
import type ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { INDICATOR_KIND_LABELS } from "@/domain/labels";
import { ytdLabel } from "@/domain/months";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import { formatAmounts, GAP_FMT, PACE_WORDS, pct, PCT_FMT, targetOf, unitText, valueOf } from "./common";

/** One district's indicators (as /city/districts/<code> lists them): actual, the district's target, %, 序时 and status. */
export function districtSheet(wb: ExcelJS.Workbook, indicators: IndicatorWithRollup[], districtId: number, month: string): void {
  const ytd = ytdLabel(month);
  const ws = styledSheet(wb, "全部指标", [
    { header: "指标", key: "name", width: 30 },
    { header: "指标代码", key: "code", width: 24 },
    { header: "计算方式", key: "kind", width: 10 },
    { header: "单位", key: "unit", width: 9 },
    { header: `${ytd}完成（指标单位）`, key: "actual", width: 16 },
    { header: "区县目标（指标单位）", key: "target", width: 16 },
    { header: "完成率（%）", key: "share", width: 11, numFmt: PCT_FMT },
    { header: "序时进度或目标值（%）", key: "expected", width: 16, numFmt: PCT_FMT },
    { header: "与序时差距（百分点）", key: "gap", width: 14, numFmt: GAP_FMT },
    { header: "状态", key: "status", width: 10 },
    { header: "说明", key: "reason", width: 40 },
  ]);
  for (const ind of indicators) {
    const v = ind.rollup.districts.get(districtId);
    if (!v) continue;
    const row = ws.addRow({
      name: ind.name,
      code: ind.code,
      kind: INDICATOR_KIND_LABELS[ind.kind],
      unit: unitText(ind),
      actual: valueOf(ind, v.actual),
      target: targetOf(ind, v.target),
      share: pct(v.pace.share),
      expected: v.pace.status === "no_target" ? null : pct(v.pace.expected),
      gap: v.pace.gapPoints,
      status: PACE_WORDS[v.pace.status],
      reason: v.pace.reason,
    });
    formatAmounts(row, ["actual", "target"], ind);
  }
  guardTextCells(wb);
}
