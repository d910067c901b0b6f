import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";

/* Reading back the workbooks the app exports (exceljs, as a person's spreadsheet program would). */

export async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  return wb;
}

/** Clicks a download link and reads the file the browser saved. */
export async function downloadWorkbook(page: Page, link: Locator): Promise<{ wb: ExcelJS.Workbook; filename: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { wb: await workbookOf(await readFile((await dl.path())!)), filename: dl.suggestedFilename() };
}

export function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c) => out.push(String(c.value ?? "")));
  return out;
}

/** Rows of a sheet as objects keyed by header (blank spacer rows left out). */
export function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const h = headers(ws);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const o: Record<string, ExcelJS.CellValue> = {};
    h.forEach((name, i) => (o[name] = r.getCell(i + 1).value));
    out.push(o);
  });
  return out;
}

/** The number format of the cell under `header` in the sheet's row `rowIndex` (0 = first data row). */
export function numFmtOf(ws: ExcelJS.Worksheet, header: string, rowIndex: number): string {
  const col = headers(ws).indexOf(header) + 1;
  return ws.getRow(rowIndex + 2).getCell(col).numFmt ?? "";
}

/** The "说明" sheet's lines. */
export function aboutText(wb: ExcelJS.Workbook): string {
  const ws = wb.getWorksheet("说明");
  if (!ws) throw new Error("no 说明 sheet");
  const lines: string[] = [];
  ws.eachRow((r) => lines.push(String(r.getCell(1).value ?? "")));
  return lines.join("\n");
}

/** The first number in a text as shown on a page: "1,234.5 亿元" → 1234.5, "62.4%" → 62.4. */
export function numberIn(text: string): number {
  const m = /-?[\d,]+(?:\.\d+)?/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0].replace(/,/g, ""));
}
