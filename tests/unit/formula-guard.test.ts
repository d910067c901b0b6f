import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "@/app/_lib/excel/formula-guard";
import { buildTargetsWorkbook, readTargetsWorkbook, TARGETS_SHEET } from "@/app/_lib/excel/targets-sheet";
import { guardTextCells, xlsxResponse } from "@/app/_lib/excel/workbook";

const ATTACK = "=cmd|' /C calc'!A0";
const FORMULA_LIKE = /^[=+\-@\t\r]/;

/** Every text a spreadsheet program would see in the cells of a written workbook. */
async function textsOf(buffer: ArrayBuffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string") out.push(v);
        else if (v && typeof v === "object" && "richText" in v) out.push(v.richText.map((t) => t.text).join(""));
      }),
    ),
  );
  return out;
}

describe("formula injection", () => {
  it("puts an apostrophe before text starting with =, +, -, @, tab or carriage return, and leaves other text alone", () => {
    for (const s of [ATTACK, "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ["晋江市", "1+1", "", "'=already", "a=b", "—"]) expect(neutraliseFormula(s)).toBe(s);
    expect(neutraliseFormula(neutraliseFormula(ATTACK))).toBe(`'${ATTACK}`);
  });

  it("the targets sheet writes a formula-like indicator name and note as text, and reads the note back as typed", async () => {
    const wb = buildTargetsWorkbook({
      title: "抓项目、促发展",
      year: 2024,
      districts: [{ id: 1, code: "licheng", name: "鲤城区" }],
      indicators: [
        {
          code: "key_investment", name: ATTACK, unitSymbol: "亿元", unitScale: 10000, aggregation: "sum", targetValue: 10000, baselineValue: null,
          growthTargetBp: null, multipleTargetPct: null, districtTargets: new Map(), breakdownNote: "+HYPERLINK(\"http://evil\")", stamp: "1:1",
        },
      ],
    });
    const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const texts = await textsOf(buffer);
    expect(texts).toContain(`'${ATTACK}`);
    expect(texts.filter((t) => FORMULA_LIKE.test(t))).toEqual([]);
    const read = await readTargetsWorkbook(buffer, [{ id: 1, code: "licheng", name: "鲤城区" }]);
    expect("lines" in read && read.lines[0]!.breakdownNote).toBe("+HYPERLINK(\"http://evil\")");
  });

  it("every workbook the server sends is guarded, rich text included", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(TARGETS_SHEET);
    ws.addRow(["项目名称", "说明", "金额"]);
    ws.addRow([ATTACK, { richText: [{ text: "@evil" }, { text: "()" }] }, -12.5]);
    const res = await xlsxResponse(wb, "x.xlsx");
    const texts = await textsOf(await res.arrayBuffer());
    expect(texts).toEqual(["项目名称", "说明", "金额", `'${ATTACK}`, "'@evil()"]);
    // Numbers stay numbers (a negative amount is not text).
    expect(guardTextCells(wb).getWorksheet(TARGETS_SHEET)!.getRow(2).getCell(3).value).toBe(-12.5);
  });
});
