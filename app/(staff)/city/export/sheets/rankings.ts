import "server-only";
import type ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { DISTRICT_KIND_LABELS } from "@/domain/labels";
import { ytdLabel } from "@/domain/months";
import { methodParagraphs, rankChangeLabel } from "@/domain/rankings/words";
import { SCORE_CAP, type RankChange, type Rankings } from "@/domain/rankings/types";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import { formatAmounts, pct, PCT_FMT, targetOf, unitText, valueOf } from "./common";

const changeNumber = (c: RankChange) => (c.kind === "up" ? c.by : c.kind === "down" ? -c.by : c.kind === "same" ? 0 : null);

/** Overall (with peer groups) and per-indicator rankings, plus the method and weights. */
export function rankingSheets(wb: ExcelJS.Workbook, r: Rankings, facts: Map<string, IndicatorWithRollup>, month: string): void {
  const nameOf = (code: string) => facts.get(code)?.name ?? code;
  const cap = Math.round(SCORE_CAP * 100);
  const overall = styledSheet(wb, "综合排名", [
    { header: "全市排名（名）", key: "rank", width: 12 },
    { header: "较上月", key: "change", width: 8 },
    { header: "名次变化（位，正为上升）", key: "changeBy", width: 16 },
    { header: "区县", key: "name", width: 22 },
    { header: "类别", key: "kind", width: 9 },
    { header: "类别内排名（名）", key: "groupRank", width: 14 },
    { header: "类别内较上月", key: "groupChange", width: 12 },
    { header: "综合得分（分）", key: "score", width: 12, numFmt: "0.0" },
    { header: "计分指标（个）", key: "scored", width: 12 },
    ...r.weights.weights.map((w) => ({ header: `${nameOf(w.code)}进度指数（%，封顶${cap}）`, key: `w:${w.code}`, width: 18, numFmt: PCT_FMT })),
    { header: "说明", key: "note", width: 30 },
  ]);
  for (const row of r.overall) {
    const values: Record<string, unknown> = {
      rank: row.rank,
      change: rankChangeLabel(row.change),
      changeBy: changeNumber(row.change),
      name: row.district.name,
      kind: DISTRICT_KIND_LABELS[row.district.kind],
      groupRank: row.groupRank,
      groupChange: rankChangeLabel(row.groupChange),
      score: row.score == null ? null : Math.round(row.score * 10) / 10,
      scored: row.parts.filter((p) => p.capped != null).length,
      note: row.unrankedReason ?? "",
    };
    for (const p of row.parts) values[`w:${p.code}`] = pct(p.capped);
    overall.addRow(values);
  }

  const items = styledSheet(wb, "分项排名", [
    { header: "指标", key: "indicator", width: 28 },
    { header: "指标代码", key: "code", width: 24 },
    { header: "单位", key: "unit", width: 9 },
    { header: "全市排名（名）", key: "rank", width: 12 },
    { header: "较上月", key: "change", width: 8 },
    { header: "名次变化（位，正为上升）", key: "changeBy", width: 16 },
    { header: "区县", key: "name", width: 22 },
    { header: "类别", key: "kind", width: 9 },
    { header: "类别内排名（名）", key: "groupRank", width: 14 },
    { header: `${ytdLabel(month)}完成（指标单位）`, key: "actual", width: 16 },
    { header: "区县目标（指标单位）", key: "target", width: 16 },
    { header: "完成率（%）", key: "completion", width: 11, numFmt: PCT_FMT },
    { header: "说明", key: "note", width: 26 },
  ]);
  for (const ir of r.indicators) {
    const f = facts.get(ir.code);
    if (!f) continue;
    for (const row of ir.rows) {
      const added = items.addRow({
        indicator: f.name,
        code: f.code,
        unit: unitText(f),
        rank: row.rank,
        change: rankChangeLabel(row.change),
        changeBy: changeNumber(row.change),
        name: row.district.name,
        kind: DISTRICT_KIND_LABELS[row.district.kind],
        groupRank: row.groupRank,
        actual: valueOf(f, row.actual),
        target: targetOf(f, row.target),
        completion: pct(row.completion),
        note: row.unrankedReason ?? (row.noData ? "暂无数据，按 0 计" : ""),
      });
      formatAmounts(added, ["actual", "target"], f);
    }
  }

  const method = styledSheet(wb, "方法与权重", [
    { header: "计分指标", key: "name", width: 30 },
    { header: "指标代码", key: "code", width: 24 },
    { header: "权重", key: "weight", width: 8 },
    { header: "占比（%）", key: "share", width: 10, numFmt: PCT_FMT },
  ]);
  const total = r.weights.weights.reduce((s, w) => s + w.weight, 0);
  for (const w of r.weights.weights) method.addRow({ name: nameOf(w.code), code: w.code, weight: w.weight, share: pct(w.weight / total) });
  method.addRow({});
  method.addRow({ name: r.weights.source === "default" ? "权重：默认各项主要指标等权" : "权重：专项办设置" });
  if (r.weights.problem) method.addRow({ name: `注意：${r.weights.problem}` });
  for (const p of methodParagraphs()) {
    const row = method.addRow({ name: p });
    method.mergeCells(row.number, 1, row.number, 4);
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = 60;
  }
  guardTextCells(wb);
}
