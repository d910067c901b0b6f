import "server-only";
import type ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { DISTRICT_KIND_LABELS } from "@/domain/labels";
import { ytdLabel } from "@/domain/months";
import type { AreaValue } from "@/domain/rollup";
import type { Rankings } from "@/domain/rankings/types";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import { amountFmt, display, PACE_WORDS, pct, GAP_FMT, PCT_FMT, targetOf, unitText, valueOf } from "./common";

export interface PartUnit {
  symbol: string;
  scale: number;
}

/** One indicator's districts (and the city), with each district's rank. */
export function indicatorSheet(wb: ExcelJS.Workbook, ind: IndicatorWithRollup, districts: readonly { id: number; name: string; kind: keyof typeof DISTRICT_KIND_LABELS }[], rankings: Rankings | null, partUnit: PartUnit | null, month: string): void {
  const ytd = ytdLabel(month);
  const ratio = ind.aggregation === "ratio";
  const u = unitText(ind);
  const ranking = rankings?.indicators.find((r) => r.code === ind.code);
  const rankOf = new Map(ranking?.rows.map((r) => [r.district.id, r]) ?? []);
  const part = partUnit ? `（${partUnit.symbol}）` : "";
  const ws = styledSheet(wb, "分区县", [
    { header: "区县", key: "name", width: 22 },
    { header: "类别", key: "kind", width: 9 },
    ...(ratio
      ? [
          { header: `${ind.numeratorLabel ?? "分子"}${part}`, key: "num", width: 18, numFmt: partUnit && partUnit.scale > 1 ? "#,##0.0###" : "#,##0" },
          { header: `${ind.denominatorLabel ?? "分母"}${part}`, key: "den", width: 18, numFmt: partUnit && partUnit.scale > 1 ? "#,##0.0###" : "#,##0" },
          { header: "当前比率（%）", key: "actual", width: 13, numFmt: PCT_FMT },
          { header: "目标比率（%）", key: "target", width: 13, numFmt: PCT_FMT },
          { header: "达到目标（%）", key: "share", width: 13, numFmt: PCT_FMT },
          { header: "与目标差距（百分点）", key: "gap", width: 16, numFmt: GAP_FMT },
        ]
      : [
          { header: `${ytd}完成（${u}）`, key: "actual", width: 16, numFmt: amountFmt(ind.decimals) },
          { header: `年度目标（${u}）`, key: "target", width: 16, numFmt: amountFmt(ind.decimals) },
          { header: "完成率（%）", key: "share", width: 11, numFmt: PCT_FMT },
          { header: "序时进度（%）", key: "expected", width: 12, numFmt: PCT_FMT },
          { header: "与序时差距（百分点）", key: "gap", width: 16, numFmt: GAP_FMT },
        ]),
    { header: "状态", key: "status", width: 10 },
    { header: "说明", key: "reason", width: 40 },
    { header: "全市排名（名）", key: "rank", width: 12 },
    { header: "类别内排名（名）", key: "groupRank", width: 14 },
    { header: "排名说明", key: "rankNote", width: 24 },
  ]);
  const partValue = (v: number | null) => (partUnit ? display(v, partUnit.scale) : v);
  const row = (name: string, kind: string, v: AreaValue | undefined, r?: { rank: number | null; groupRank: number | null; unrankedReason: string | null; noData: boolean }) => {
    if (!v) return;
    ws.addRow({
      name,
      kind,
      num: partValue(v.numerator),
      den: partValue(v.denominator),
      actual: valueOf(ind, v.actual),
      target: targetOf(ind, v.target),
      share: pct(v.pace.share),
      expected: v.pace.status === "no_target" ? null : pct(v.pace.expected),
      gap: v.pace.gapPoints,
      status: PACE_WORDS[v.pace.status],
      reason: v.pace.reason,
      rank: r?.rank ?? null,
      groupRank: r?.groupRank ?? null,
      rankNote: r ? (r.unrankedReason ?? (r.noData ? "暂无数据，按 0 计" : "")) : "",
    });
  };
  for (const d of districts) row(d.name, DISTRICT_KIND_LABELS[d.kind], ind.rollup.districts.get(d.id), rankOf.get(d.id));
  ws.addRow({});
  row("全市", "", ind.rollup.city);
  ws.lastRow!.font = { bold: true };
  guardTextCells(wb);
}
