import "server-only";
import ExcelJS from "exceljs";
import { loadWorkbookSafely, UploadRefused } from "./safe-load";
import type { FigureRow } from "@/app/_lib/figures-load";
import { ytdLabel } from "@/domain/months";
import { locateColumns } from "./columns";
import type { ProgressTemplateRow } from "./month-projects";
import { cellText, guardTextCells, styledSheet } from "./workbook";
import { baseToDisplayExact } from "@/domain/format";

export const FIGURES_SHEET = "月度指标";
export const PROGRESS_SHEET = "项目进度";
/** What the template shows, and a clerk types, for an indicator marked "本月无数据". */
export const NO_DATA = "本月无数据";
const isNoData = (text: string) => /^(本月)?无数据$/.test(text.normalize("NFKC").replace(/\s+/g, ""));

export type { ProgressTemplateRow } from "./month-projects";

/** Column names of the two sheets, with the names earlier templates used (read by header, not position). */
const FIGURE_COLUMNS = { code: ["指标代码"], month: ["本月值"], cumulative: ["累计", /^(?!以前).*月累计$/], numerator: ["分子"], denominator: ["分母"], note: ["说明"] } as const;
const PROGRESS_COLUMNS = { code: ["项目代码"], amount: ["本月完成投资（万元）", "本月完成投资"], note: ["说明"] } as const;

const num = (base: number | null | undefined, scale: number) => (base == null ? null : Number(baseToDisplayExact(base, scale)));

/** The month's template: the district's reported indicators and its key projects, current values filled in. */
export function buildFiguresWorkbook(args: { districtName: string; month: string; rows: FigureRow[]; projects: ProgressTemplateRow[] }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  const ws = styledSheet(wb, FIGURES_SHEET, [
    { header: "指标代码", key: "code", width: 26 },
    { header: "指标名称", key: "name", width: 30 },
    { header: "单位", key: "unit", width: 22 },
    { header: "上月", key: "last", width: 12 },
    { header: "以前各月累计", key: "prev", width: 14 },
    { header: "本月值", key: "month", width: 12 },
    { header: `${ytdLabel(args.month)}累计`, key: "cum", width: 14 },
    { header: "分子", key: "num", width: 12 },
    { header: "分母", key: "den", width: 12 },
    { header: "说明", key: "note", width: 30 },
  ]);
  for (const r of args.rows) {
    const ind = r.indicator;
    const part = ind.partUnit ?? ind.unit;
    const ratio = ind.aggregation === "ratio";
    ws.addRow({
      code: ind.code,
      name: ind.name,
      unit: ratio ? `${ind.numeratorLabel}÷${ind.denominatorLabel}（${part.symbol}）` : ind.unit.symbol,
      last: ratio ? (r.lastMonth?.numerator != null && r.lastMonth.denominator ? Math.round((r.lastMonth.numerator / r.lastMonth.denominator) * 1000) / 10 : null) : num(r.lastMonth?.value, ind.unit.scale),
      prev: ratio ? null : num(r.context.previousYtd, ind.unit.scale),
      month: ratio ? null : r.current?.noData ? NO_DATA : num(r.current?.value, ind.unit.scale),
      cum: null,
      num: ratio ? (r.current?.noData ? NO_DATA : num(r.current?.numerator, part.scale)) : null,
      den: ratio ? num(r.current?.denominator, part.scale) : null,
      note: r.current?.note ?? null,
    });
  }
  ws.addRow({});
  ws.addRow({ name: `说明：${args.districtName}，“本月值”和“累计”只填一项；空着表示未填报，不会当作 0。本月确无数据的指标，在“本月值”（比率指标在“分子”）填“${NO_DATA}”并在“说明”写明原因。请勿修改指标代码。` });

  const ps = styledSheet(wb, PROGRESS_SHEET, [
    { header: "项目代码", key: "code", width: 18 },
    { header: "项目名称", key: "name", width: 40 },
    { header: "阶段", key: "stage", width: 10 },
    { header: "本月需填报", key: "needs", width: 12 },
    { header: "上月完成投资（万元）", key: "last", width: 20 },
    { header: "本月完成投资（万元）", key: "month", width: 20 },
    { header: "说明", key: "note", width: 30 },
  ]);
  // The plausibility rules ask for a reason on some rows; say so where the clerk types it.
  ps.getRow(1).getCell(4).note = "“是”：本月在建（已开工且未在本月前建成、未暂停）或本月已填过，应填本月完成投资；“否”的项目排在后面，通常不填。阶段和本项只供参考，导入时不读取。";
  ps.getRow(1).getCell(7).note = "本月完成投资超过年度计划剩余额、远超该项目以往最大月，或使累计超过总投资时，须在此写一句原因，否则整个文件不会导入；超过总投资的月份不能导入。";
  ws.getRow(1).getCell(10).note = "数值需要核实时（上传后会逐行列出），须在此写明原因，否则整个文件不会导入。";
  for (const p of args.projects) ps.addRow({ code: p.code, name: p.name, stage: p.stage, needs: p.needsValue ? "是" : "否", last: p.lastMonth, month: p.thisMonth, note: p.note });
  // Project names and notes are the districts' own text: never let one start a formula.
  return guardTextCells(wb);
}

export interface ParsedFigureLine {
  line: number;
  code: string;
  month: string;
  cumulative: string;
  numerator: string;
  denominator: string;
  note: string;
  /** The value cell said "本月无数据" (the value fields are then blank). */
  noData: boolean;
}

export interface ParsedProgressLine {
  line: number;
  code: string;
  amount: string;
  note: string;
}

function headerTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    texts[col - 1] = cellText(cell.value);
  });
  return Array.from(texts, (t) => t ?? "");
}

/** Reads an uploaded template back into typed text per row (checking is the caller's job). */
export async function readFiguresWorkbook(buffer: ArrayBuffer): Promise<{ figures: ParsedFigureLine[]; progress: ParsedProgressLine[] } | { error: string }> {
  let wb: ExcelJS.Workbook;
  try {
    // Bounded before parsing (size, inflated size, rows, cell length): see safe-load.ts.
    wb = await loadWorkbookSafely(buffer);
  } catch (e) {
    return { error: e instanceof UploadRefused && e.kind === "limit" ? e.message : "无法读取文件：请上传从本页下载的 .xlsx 模板" };
  }
  const ws = wb.getWorksheet(FIGURES_SHEET);
  if (!ws) return { error: `文件中没有“${FIGURES_SHEET}”工作表：请使用从本页下载的模板` };
  const fc = locateColumns(headerTexts(ws), FIGURE_COLUMNS);
  if (!fc.code || !fc.month) return { error: "“月度指标”表头与模板不一致，请重新下载模板" };
  const at = (row: ExcelJS.Row, col: number | undefined) => (col ? cellText(row.getCell(col).value) : "");
  const figures: ParsedFigureLine[] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const code = at(row, fc.code).trim();
    if (!code) return;
    const month = at(row, fc.month);
    const numerator = at(row, fc.numerator);
    const noData = isNoData(month) || isNoData(numerator);
    figures.push({
      line,
      code,
      month: isNoData(month) ? "" : month,
      cumulative: at(row, fc.cumulative),
      numerator: isNoData(numerator) ? "" : numerator,
      denominator: at(row, fc.denominator),
      note: at(row, fc.note),
      noData,
    });
  });
  const progress: ParsedProgressLine[] = [];
  const ps = wb.getWorksheet(PROGRESS_SHEET);
  if (ps) {
    const pc = locateColumns(headerTexts(ps), PROGRESS_COLUMNS);
    if (!pc.code || !pc.amount) return { error: `“${PROGRESS_SHEET}”表头与模板不一致，请重新下载模板` };
    // 阶段 and 本月需填报 are for the clerk's eyes only: never read back.
    ps.eachRow((row, line) => {
      if (line === 1) return;
      const code = at(row, pc.code).trim();
      if (!code) return;
      progress.push({ line, code, amount: at(row, pc.amount), note: at(row, pc.note) });
    });
  }
  return { figures, progress };
}
