import "server-only";
/**
 * The targets sheet (目标分解表): one row per indicator, the city target, baseline, growth and
 * multiple, one column per district, and the note explaining a district total that differs
 * from the city target. Numbers are numbers in the unit of the row's "单位" column (growth in
 * %, multiple in 倍, as their headers say). The hidden last column carries each indicator's
 * version stamp, so an upload based on an old download stores nothing.
 */
import ExcelJS from "exceljs";
import { loadWorkbookSafely, UploadRefused } from "./safe-load";
import { cellText, guardTextCells, styledSheet } from "./workbook";
import { baseToDisplayExact } from "@/domain/format";

export const TARGETS_SHEET = "目标分解";

export const TARGET_HEADERS = {
  code: "指标代码",
  name: "指标名称",
  unit: "单位",
  target: "全市目标",
  baseline: "上年基数",
  growth: "增长目标（%）",
  multiple: "目标倍数（倍）",
  note: "分解差异说明",
  stamp: "版本（请勿修改）",
} as const;

export interface SheetDistrict {
  id: number;
  code: string;
  name: string;
}

export interface SheetIndicator {
  code: string;
  name: string;
  unitSymbol: string;
  unitScale: number;
  aggregation: "sum" | "ratio" | "count";
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
  districtTargets: Map<number, number | null>;
  breakdownNote: string;
  stamp: string;
}

const num = (base: number | null | undefined, scale: number) => (base == null ? null : Number(baseToDisplayExact(base, scale)));

export function buildTargetsWorkbook(args: { title: string; year: number; indicators: SheetIndicator[]; districts: SheetDistrict[] }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  const ws = styledSheet(wb, TARGETS_SHEET, [
    { header: TARGET_HEADERS.code, key: "code", width: 26 },
    { header: TARGET_HEADERS.name, key: "name", width: 30 },
    { header: TARGET_HEADERS.unit, key: "unit", width: 10 },
    { header: TARGET_HEADERS.target, key: "target", width: 12 },
    { header: TARGET_HEADERS.baseline, key: "baseline", width: 12 },
    { header: TARGET_HEADERS.growth, key: "growth", width: 12 },
    { header: TARGET_HEADERS.multiple, key: "multiple", width: 12 },
    ...args.districts.map((d) => ({ header: d.name, key: `d${d.id}`, width: 11 })),
    { header: TARGET_HEADERS.note, key: "note", width: 30 },
    { header: TARGET_HEADERS.stamp, key: "stamp", width: 10 },
  ]);
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  for (const ind of args.indicators) {
    const row: Record<string, unknown> = {
      code: ind.code,
      name: ind.name,
      unit: ind.aggregation === "ratio" ? "%（比率）" : ind.unitSymbol,
      target: num(ind.targetValue, ind.unitScale),
      baseline: num(ind.baselineValue, ind.unitScale),
      growth: num(ind.growthTargetBp, 100),
      multiple: num(ind.multipleTargetPct, 100),
      note: ind.breakdownNote || null,
      stamp: ind.stamp,
    };
    for (const d of args.districts) row[`d${d.id}`] = num(ind.districtTargets.get(d.id), ind.unitScale);
    ws.addRow(row);
  }
  ws.getColumn("stamp").hidden = true;
  const help = wb.addWorksheet("填写说明");
  help.columns = [{ width: 100 }];
  for (const line of [
    `${args.year}年“${args.title}”目标分解表`,
    "1. 每行一个指标，数值按“单位”列的单位填写（增长目标填百分数，如 17.5 表示增长 17.5%；目标倍数填倍数，如 3 表示 3 倍）。",
    "2. 空着表示“未设定”，不会当作 0；目标不能为负数。",
    "3. 求和和计数类指标：各区县目标之和应等于全市目标；不相等时必须在“分解差异说明”中写明原因。比率类指标（如入园率）填各区县的目标比率，不要求相加。",
    "4. 请勿修改“指标代码”和区县列标题；隐藏的“版本”列用于防止覆盖他人在您下载后所做的修改。",
    "5. 上传时只要有一行有错误，就不会保存任何数据。月度计划请在网页上逐项设置。",
  ]) help.addRow([line]);
  // Indicator names and notes are typed by people: text that looks like a formula stays text.
  return guardTextCells(wb);
}

export interface TargetLine {
  line: number;
  code: string;
  target: string;
  baseline: string;
  growth: string;
  multiple: string;
  /** District id → typed text, for the district columns present in the sheet. */
  districts: Record<number, string>;
  breakdownNote: string;
  stamp: string;
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").replace(/\*$/, "");

/** Reads an uploaded targets sheet back into text per row; checking values is the caller's job. */
export async function readTargetsWorkbook(buffer: ArrayBuffer, districts: readonly SheetDistrict[]): Promise<{ lines: TargetLine[] } | { error: string }> {
  let wb: ExcelJS.Workbook;
  try {
    // Bounded before parsing (size, inflated size, rows, cell length): see safe-load.ts.
    wb = await loadWorkbookSafely(buffer);
  } catch (e) {
    return { error: e instanceof UploadRefused && e.kind === "limit" ? e.message : "无法读取文件：请上传从本页下载的 .xlsx 目标分解表" };
  }
  const ws = wb.getWorksheet(TARGETS_SHEET);
  if (!ws) return { error: `文件中没有“${TARGETS_SHEET}”工作表：请使用从本页下载的模板` };
  const col = new Map<string, number>();
  const districtCol = new Map<number, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const h = norm(cellText(cell.value));
    const key = (Object.keys(TARGET_HEADERS) as (keyof typeof TARGET_HEADERS)[]).find((k) => norm(TARGET_HEADERS[k]) === h);
    if (key) col.set(key, n);
    const d = districts.find((x) => norm(x.name) === h || x.code === h);
    if (d) districtCol.set(d.id, n);
  });
  for (const key of ["code", "target", "baseline", "growth", "multiple", "note", "stamp"] as const) {
    if (!col.has(key)) return { error: `表头缺少“${TARGET_HEADERS[key]}”列：请重新下载模板` };
  }
  const text = (row: ExcelJS.Row, key: keyof typeof TARGET_HEADERS) => {
    const n = col.get(key);
    return n ? cellText(row.getCell(n).value).trim() : "";
  };
  const lines: TargetLine[] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const code = text(row, "code");
    if (!code) return;
    const ds: Record<number, string> = {};
    for (const [id, n] of districtCol) ds[id] = cellText(row.getCell(n).value).trim();
    lines.push({
      line,
      code,
      target: text(row, "target"),
      baseline: text(row, "baseline"),
      growth: text(row, "growth"),
      multiple: text(row, "multiple"),
      districts: ds,
      breakdownNote: text(row, "note"),
      stamp: text(row, "stamp"),
    });
  });
  return { lines };
}
