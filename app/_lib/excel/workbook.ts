import "server-only";
import ExcelJS from "exceljs";
import { neutraliseFormula, restoreNeutralised } from "./formula-guard";

export { neutraliseFormula } from "./formula-guard";

/** Shared look of every spreadsheet the app writes: Chinese headers, frozen header row, numbers as numbers. */
export function styledSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number; numFmt?: string }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: "middle", wrapText: true };
  head.height = 30;
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
  return ws;
}

/**
 * Neutralises formula-like text (neutraliseFormula) in every text cell of every sheet. The
 * builders call it last; xlsxResponse calls it again, so no workbook leaves the server without.
 */
export function guardTextCells(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === "string") {
          const safe = neutraliseFormula(v);
          if (safe !== v) cell.value = safe;
        } else if (v && typeof v === "object" && "richText" in v && v.richText.length > 0) {
          const first = v.richText[0]!;
          const safe = neutraliseFormula(first.text);
          if (safe !== first.text) cell.value = { richText: [{ ...first, text: safe }, ...v.richText.slice(1)] };
        }
      }),
    ),
  );
  return wb;
}

export async function xlsxResponse(wb: ExcelJS.Workbook, filename: string): Promise<Response> {
  const buffer = await guardTextCells(wb).xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * A cell's content as the text a person would have typed (numbers without float noise, and
 * without the apostrophe guardTextCells put before formula-like text in a sheet we wrote).
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : "";
  if (typeof v === "string") return restoreNeutralised(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v) return restoreNeutralised(v.richText.map((t) => t.text).join(""));
    if ("text" in v) return String(v.text);
  }
  return String(v);
}
