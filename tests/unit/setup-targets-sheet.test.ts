import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTargetsWorkbook, readTargetsWorkbook, TARGETS_SHEET, type SheetIndicator } from "@/app/_lib/excel/targets-sheet";

const districts = [
  { id: 1, code: "licheng", name: "鲤城区" },
  { id: 2, code: "jinjiang", name: "晋江市" },
];

const indicator = (over: Partial<SheetIndicator>): SheetIndicator => ({
  code: "key_investment", name: "市重点项目完成投资", unitSymbol: "亿元", unitScale: 10000, aggregation: "sum",
  targetValue: 21680000, baselineValue: null, growthTargetBp: 1750, multipleTargetPct: null,
  districtTargets: new Map([[1, 1000000]]), breakdownNote: "", stamp: "3:5", ...over,
});

async function roundTrip(edit?: (ws: ExcelJS.Worksheet) => void): Promise<ArrayBuffer> {
  const wb = buildTargetsWorkbook({ title: "抓项目、促发展", year: 2024, districts, indicators: [indicator({}), indicator({ code: "entry_rate", name: "入园率", unitSymbol: "%", unitScale: 100, aggregation: "ratio", targetValue: 5000, growthTargetBp: null, districtTargets: new Map(), stamp: "0:0" })] });
  edit?.(wb.getWorksheet(TARGETS_SHEET)!);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

describe("the targets sheet", () => {
  it("writes numbers in display units and reads every row back as typed text with its stamp", async () => {
    const read = await readTargetsWorkbook(await roundTrip(), districts);
    expect("lines" in read && read.lines).toEqual([
      { line: 2, code: "key_investment", target: "2168", baseline: "", growth: "17.5", multiple: "", districts: { 1: "100", 2: "" }, breakdownNote: "", stamp: "3:5" },
      { line: 3, code: "entry_rate", target: "50", baseline: "", growth: "", multiple: "", districts: { 1: "", 2: "" }, breakdownNote: "", stamp: "0:0" },
    ]);
  });

  it("keeps what the office typed, including text, notes and district columns found by name", async () => {
    const read = await readTargetsWorkbook(
      await roundTrip((ws) => {
        ws.getRow(2).getCell(8).value = "1,200";
        ws.getRow(2).getCell(9).value = 968;
        ws.getRow(2).getCell(10).value = "市直单位承担 100 亿元";
      }),
      districts,
    );
    expect("lines" in read && read.lines[0]).toMatchObject({ districts: { 1: "1,200", 2: "968" }, breakdownNote: "市直单位承担 100 亿元" });
  });

  it("refuses a file that is not the template", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["a"]);
    expect(await readTargetsWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, districts)).toEqual({ error: "文件中没有“目标分解”工作表：请使用从本页下载的模板" });
    const noStamp = await roundTrip((ws) => {
      ws.getRow(1).getCell(11).value = "";
    });
    expect(await readTargetsWorkbook(noStamp, districts)).toEqual({ error: "表头缺少“版本（请勿修改）”列：请重新下载模板" });
    expect(await readTargetsWorkbook(new TextEncoder().encode("not a zip").buffer as ArrayBuffer, districts)).toEqual({ error: "无法读取文件：请上传从本页下载的 .xlsx 目标分解表" });
  });
});
