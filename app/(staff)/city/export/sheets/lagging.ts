import "server-only";
import type ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { ytdLabel } from "@/domain/months";
import type { AreaValue } from "@/domain/rollup";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import { formatAmounts, PACE_WORDS, pct, GAP_FMT, PCT_FMT, targetOf, unitText, valueOf } from "./common";

export interface LaggingItem {
  ind: IndicatorWithRollup;
  /** The city as a whole (else one district). */
  city: boolean;
  area: string;
  unit: string;
  v: AreaValue;
}

export type LaggingScope = "all" | "city" | "districts";

/** Every indicator × area (city, districts; or only one of them, as the page's 范围 switch) behind pace, worst first (as /city/lagging lists them). */
export function laggingItems(indicators: IndicatorWithRollup[], districts: readonly { id: number; name: string }[], scope: LaggingScope = "all"): LaggingItem[] {
  return indicators
    .flatMap((ind) => [
      ...(scope === "districts" ? [] : [{ ind, city: true, area: "全市", unit: ind.ownerDepartmentName ?? "（未指定责任单位）", v: ind.rollup.city as AreaValue }]),
      ...(scope === "city" ? [] : districts).flatMap((d) => {
        const v = ind.rollup.districts.get(d.id);
        return v ? [{ ind, city: false, area: d.name, unit: d.name, v }] : [];
      }),
    ])
    .filter((x) => (x.v.pace.status === "behind" || x.v.pace.status === "lagging") && x.v.pace.gapPoints != null)
    .sort((a, b) => a.v.pace.gapPoints! - b.v.pace.gapPoints! || a.ind.name.localeCompare(b.ind.name, "zh-CN"));
}

export function laggingSheet(wb: ExcelJS.Workbook, items: LaggingItem[], month: string): void {
  const ws = styledSheet(wb, "滞后清单", [
    { header: "序号", key: "n", width: 6 },
    { header: "指标", key: "name", width: 28 },
    { header: "范围", key: "area", width: 20 },
    { header: "单位", key: "unit", width: 9 },
    { header: `${ytdLabel(month)}完成（指标单位）`, key: "actual", width: 16 },
    { header: "目标（指标单位）", key: "target", width: 16 },
    { header: "完成率（%）", key: "share", width: 11, numFmt: PCT_FMT },
    { header: "序时进度或目标值（%）", key: "expected", width: 16, numFmt: PCT_FMT },
    { header: "差距（百分点）", key: "gap", width: 12, numFmt: GAP_FMT },
    { header: "状态", key: "status", width: 10 },
    { header: "说明", key: "reason", width: 40 },
    { header: "责任单位", key: "owner", width: 24 },
  ]);
  items.forEach((x, i) => {
    const row = ws.addRow({
      n: i + 1,
      name: x.ind.name,
      area: x.area,
      unit: unitText(x.ind),
      actual: valueOf(x.ind, x.v.actual),
      target: targetOf(x.ind, x.v.target),
      share: pct(x.v.pace.share),
      expected: pct(x.v.pace.expected),
      gap: x.v.pace.gapPoints,
      status: PACE_WORDS[x.v.pace.status],
      reason: x.v.pace.reason,
      owner: x.unit,
    });
    formatAmounts(row, ["actual", "target"], x.ind);
  });
  guardTextCells(wb);
}
