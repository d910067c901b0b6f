import "server-only";
import ExcelJS from "exceljs";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { monthLabel, ytdLabel } from "@/domain/months";
import { guardTextCells } from "@/app/_lib/excel/workbook";
import { baseToDisplayExact } from "@/domain/format";

/*
 * Shared parts of the city's workbooks (one file per table beside this one). Headers in Chinese
 * with the unit in brackets; amounts are numbers in the display unit (exact: 亿元 to four
 * decimals, as stored in 万元), percentages are numbers in % rounded to one decimal as the pages
 * show them; words only where the page has words. Every sheet function ends by neutralising
 * formula-like text (names are typed by people).
 */

export { PACE_LABELS as PACE_WORDS, INDICATOR_KIND_LABELS as KIND_WORDS } from "@/domain/labels";

/** Base units → the display unit, exactly (no float noise): 12345678 万元 → 1234.5678 亿元. */
export function display(base: number | null, scale: number): number | null {
  return base == null ? null : Number(baseToDisplayExact(base, scale));
}

/** A fraction → percent with one decimal, as shown (0.6237 → 62.4). */
export function pct(x: number | null | undefined): number | null {
  return x == null || !Number.isFinite(x) ? null : Math.round(x * 1000) / 10;
}

/** Shows the indicator's usual decimals, and up to four when the exact value has them (no trailing "."). */
export const amountFmt = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}${"#".repeat(Math.max(0, 4 - decimals))}` : "#,##0");

/** Sheets listing different indicators set the number format row by row. */
export function formatAmounts(row: ExcelJS.Row, keys: string[], ind: IndicatorWithRollup): void {
  const fmt = ind.aggregation === "ratio" ? PCT_FMT : amountFmt(ind.decimals);
  for (const k of keys) row.getCell(k).numFmt = fmt;
}
export const PCT_FMT = "0.0";
export const GAP_FMT = "+0.0;-0.0;0.0";

/** The value an indicator shows: a ratio as a percentage, otherwise the amount in its unit. */
export function valueOf(ind: IndicatorWithRollup, actual: number | null): number | null {
  return ind.aggregation === "ratio" ? pct(actual) : display(actual, ind.unitScale);
}
export function targetOf(ind: IndicatorWithRollup, target: number | null): number | null {
  return display(target, ind.unitScale);
}
export function unitText(ind: IndicatorWithRollup): string {
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
    `${opts.cityName}${opts.year}年${opts.month ? `，数据截至${monthLabel(opts.month)}（${ytdLabel(opts.month)}累计）` : ""}`,
    ...(opts.include == null ? [] : [opts.include ? "数据口径：含未审核数据（可能仍会修改）" : "数据口径：仅已审核数据（正式）"]),
    ...(opts.demo ? ["演示数据：本文件中的项目、签约、园区和月度数字均为虚构的演示数据，不代表官方统计。"] : []),
    `导出时间：${new Date().toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`,
  ];
}

