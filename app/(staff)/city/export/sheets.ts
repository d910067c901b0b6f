import "server-only";
import ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { DISTRICT_KIND_LABELS } from "@/app/_lib/labels";
import { baseToDisplayExact } from "@/app/_lib/numbers";
import { pace, type PaceStatus } from "@/app/_lib/pace";
import type { AreaValue } from "@/app/_lib/rollup";
import { methodParagraphs, rankChangeLabel, SCORE_CAP, type RankChange, type Rankings } from "@/app/_lib/rankings";
import { sectorSentence } from "@/app/_lib/sector-sentence";
import { monthLabel, monthNumber, ytdLabel } from "@/app/_lib/months";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import type { SectorRollupRow } from "@/db/queries/rollups";
import type { CompletenessBoard } from "../completeness/load";
import { stateLabel, timelinessLabel } from "../completeness/status";

/*
 * Workbooks of the city's tables. Headers in Chinese with the unit in brackets; amounts are
 * numbers in the display unit (exact: 亿元 to four decimals, as stored in 万元), percentages are
 * numbers in % rounded to one decimal as the pages show them; words only where the page has words.
 * Every sheet function ends by neutralising formula-like text (names are typed by people).
 */

export const PACE_WORDS: Record<PaceStatus, string> = {
  ahead: "正常",
  behind: "落后",
  lagging: "严重落后",
  no_target: "未设目标",
  no_data: "暂无数据",
};

const KIND_WORDS = { reported: "区县填报", derived: "台账计算", milestone: "节点计数" } as const;

/** Base units → the display unit, exactly (no float noise): 12345678 万元 → 1234.5678 亿元. */
export function display(base: number | null, scale: number): number | null {
  return base == null ? null : Number(baseToDisplayExact(base, scale));
}

/** A fraction → percent with one decimal, as shown (0.6237 → 62.4). */
export function pct(x: number | null | undefined): number | null {
  return x == null || !Number.isFinite(x) ? null : Math.round(x * 1000) / 10;
}

/** Shows the indicator's usual decimals, and up to four when the exact value has them (no trailing "."). */
const amountFmt = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}${"#".repeat(Math.max(0, 4 - decimals))}` : "#,##0");

/** Sheets listing different indicators set the number format row by row. */
function formatAmounts(row: ExcelJS.Row, keys: string[], ind: IndicatorWithRollup): void {
  const fmt = ind.aggregation === "ratio" ? PCT_FMT : amountFmt(ind.decimals);
  for (const k of keys) row.getCell(k).numFmt = fmt;
}
const PCT_FMT = "0.0";

/** The value an indicator shows: a ratio as a percentage, otherwise the amount in its unit. */
function valueOf(ind: IndicatorWithRollup, actual: number | null): number | null {
  return ind.aggregation === "ratio" ? pct(actual) : display(actual, ind.unitScale);
}
function targetOf(ind: IndicatorWithRollup, target: number | null): number | null {
  return display(target, ind.unitScale);
}
function unitText(ind: IndicatorWithRollup): string {
  return ind.aggregation === "ratio" ? "%" : ind.unitSymbol;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  wb.created = new Date();
  return wb;
}

/** A first sheet saying what the file is: campaign, month, data mode, and the demo label. */
export function aboutSheet(wb: ExcelJS.Workbook, lines: string[]): void {
  const ws = wb.addWorksheet("说明");
  ws.getColumn(1).width = 110;
  lines.forEach((l, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = l;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  guardTextCells(wb);
}

export function aboutLines(opts: { title: string; cityName: string; year: number; month: string | null; include: boolean | null; demo: boolean }): string[] {
  return [
    opts.title,
    `${opts.cityName}${opts.year}年${opts.month ? `，${monthLabel(opts.month)}（${ytdLabel(opts.month)}累计）` : ""}`,
    ...(opts.include == null ? [] : [opts.include ? "数据口径：含未审核数据（可能仍会修改）" : "数据口径：仅已审核数据（正式）"]),
    ...(opts.demo ? ["演示数据：本文件中的项目、签约、园区和月度数字均为虚构的演示数据，不代表官方统计。"] : []),
    `导出时间：${new Date().toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`,
  ];
}

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
    { header: "与序时差距（百分点）", key: "gap", width: 14, numFmt: "+0.0;-0.0;0.0" },
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

export interface PartUnit {
  symbol: string;
  scale: number;
}

/** One indicator's districts (and the city), with each district's rank. */
export function indicatorSheet(wb: ExcelJS.Workbook, ind: IndicatorWithRollup, districts: { id: number; name: string; kind: keyof typeof DISTRICT_KIND_LABELS }[], rankings: Rankings | null, partUnit: PartUnit | null, month: string): void {
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
          { header: "与目标差距（百分点）", key: "gap", width: 16, numFmt: "+0.0;-0.0;0.0" },
        ]
      : [
          { header: `${ytd}完成（${u}）`, key: "actual", width: 16, numFmt: amountFmt(ind.decimals) },
          { header: `年度目标（${u}）`, key: "target", width: 16, numFmt: amountFmt(ind.decimals) },
          { header: "完成率（%）", key: "share", width: 11, numFmt: PCT_FMT },
          { header: "序时进度（%）", key: "expected", width: 12, numFmt: PCT_FMT },
          { header: "与序时差距（百分点）", key: "gap", width: 16, numFmt: "+0.0;-0.0;0.0" },
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

/** Key projects by sector in the city's published form, with a total row; then all key projects per district. */
export function sectorSheets(wb: ExcelJS.Workbook, bySector: SectorRollupRow[], byDistrict: { name: string; rows: SectorRollupRow[] }[], month: string, warnBp: number, scopeName: string): void {
  const ytd = ytdLabel(month);
  const columns = (first: string) => [
    { header: first, key: "label", width: 22 },
    { header: "项目数（个）", key: "projects", width: 11 },
    { header: "总投资（亿元）", key: "total", width: 14, numFmt: amountFmt(1) },
    { header: "年度计划投资（亿元）", key: "plan", width: 16, numFmt: amountFmt(1) },
    { header: `${ytd}完成投资（亿元）`, key: "done", width: 16, numFmt: amountFmt(1) },
    { header: "完成年度计划（%）", key: "share", width: 14, numFmt: PCT_FMT },
    { header: "序时进度（%）", key: "expected", width: 12, numFmt: PCT_FMT },
    { header: "超（+）或落后（−）序时（百分点）", key: "gap", width: 18, numFmt: "+0.0;-0.0;0.0" },
    { header: "表述", key: "sentence", width: 90 },
  ];
  const add = (ws: ExcelJS.Worksheet, label: string, s: { projects: number; totalInvestment: number; annualPlan: number; doneYtd: number }, sentenceLabel = label) => {
    const p = pace(s.doneYtd, s.annualPlan, monthNumber(month), null, warnBp);
    ws.addRow({
      label,
      projects: s.projects,
      total: display(s.totalInvestment, 10000),
      plan: display(s.annualPlan, 10000),
      done: display(s.doneYtd, 10000),
      share: pct(p.share),
      expected: pct(p.expected),
      gap: p.gapPoints,
      sentence: sectorSentence({ label: sentenceLabel, ...s }, month, warnBp),
    });
  };
  const total = (rows: SectorRollupRow[]) =>
    rows.reduce((a, r) => ({ projects: a.projects + r.projects, totalInvestment: a.totalInvestment + r.totalInvestment, annualPlan: a.annualPlan + r.annualPlan, doneYtd: a.doneYtd + r.doneYtd }), { projects: 0, totalInvestment: 0, annualPlan: 0, doneYtd: 0 });

  const ws = styledSheet(wb, "按行业", columns("行业"));
  for (const r of bySector) add(ws, `${r.sectorName}项目`, r);
  add(ws, `${scopeName}市重点项目`, total(bySector));
  ws.lastRow!.font = { bold: true };
  if (byDistrict.length > 0) {
    const wd = styledSheet(wb, "按区县", columns("区县"));
    for (const d of byDistrict) add(wd, d.name, total(d.rows), `${d.name}市重点项目`);
  }
  guardTextCells(wb);
}

export interface LaggingItem {
  ind: IndicatorWithRollup;
  /** The city as a whole (else one district). */
  city: boolean;
  area: string;
  unit: string;
  v: AreaValue;
}

/** Every indicator × area (city, districts) behind pace, worst first (as /city/lagging lists them). */
export function laggingItems(indicators: IndicatorWithRollup[], districts: { id: number; name: string }[]): LaggingItem[] {
  return indicators
    .flatMap((ind) => [
      { ind, city: true, area: "全市", unit: ind.ownerDepartmentName ?? "（未指定责任单位）", v: ind.rollup.city as AreaValue },
      ...districts.flatMap((d) => {
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
    { header: "差距（百分点）", key: "gap", width: 12, numFmt: "+0.0;-0.0;0.0" },
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
