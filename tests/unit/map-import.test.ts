import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkProjectLines, readProjectsWorkbook } from "@/app/_lib/excel/projects-import";
import { PROJECTS_SHEET } from "@/app/_lib/excel/projects-columns";

const lookups = { districts: [{ id: 1, code: "licheng", name: "鲤城区", active: true }], sectors: [], actions: [] };

async function sheet(headers: string[], rows: unknown[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PROJECTS_SHEET);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

const HEAD = ["项目代码", "项目名称", "所属区县", "总投资（亿元）", "年度计划投资（亿元）", "经度", "纬度"];

describe("经度/纬度 columns in the key-project import", () => {
  it("stores the location when both are given, and no location when both are blank", async () => {
    const read = await readProjectsWorkbook(await sheet(HEAD, [["P1", "甲", "鲤城区", 2, 1, 118.5876, "24.9087"], ["P2", "乙", "鲤城区", 2, 1, "", ""]]));
    if ("error" in read) throw new Error(read.error);
    const { rows, errors } = checkProjectLines(read, lookups);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.code, r.longitude, r.latitude])).toEqual([["P1", 118.5876, 24.9087], ["P2", null, null]]);
  });

  it("refuses a row with only one of the pair, or a place outside China, naming the row", async () => {
    const read = await readProjectsWorkbook(await sheet(HEAD, [["P1", "甲", "鲤城区", 2, 1, 118.5, ""], ["P2", "乙", "鲤城区", 2, 1, 2.35, 48.85]]));
    if ("error" in read) throw new Error(read.error);
    const { rows, errors } = checkProjectLines(read, lookups);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, message: "已填写经度，请同时填写纬度（或两项都不填）" },
      { line: 3, message: "经度 2.35 不在中国范围内（东经 73–136 度）" },
    ]);
  });

  it("leaves locations alone when the sheet has no such columns", async () => {
    const read = await readProjectsWorkbook(await sheet(HEAD.slice(0, 5), [["P1", "甲", "鲤城区", 2, 1]]));
    if ("error" in read) throw new Error(read.error);
    const row = checkProjectLines(read, lookups).rows[0]!;
    expect("longitude" in row).toBe(false);
  });
});
