import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildProjectsTemplate } from "@/app/_lib/excel/projects-template";
import { checkProjectLines, normaliseDate, readProjectsWorkbook } from "@/app/_lib/excel/projects-import";
import { PROJECTS_SHEET } from "@/app/_lib/excel/projects-columns";

const lookups = {
  districts: [
    { id: 1, code: "licheng", name: "鲤城区", active: true },
    { id: 2, code: "old", name: "旧区", active: false },
  ],
  sectors: [{ id: 7, code: "transport", name: "交通", active: true }],
  actions: [{ id: 9, code: "battle_year", name: "项目奋战年" }],
};

async function sheet(headers: string[], rows: unknown[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PROJECTS_SHEET);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

const HEAD = ["项目代码", "项目名称", "所属区县", "行业", "专项行动", "业主单位", "总投资（亿元）", "年度计划投资（万元）", "计划开工日期", "计划竣工日期"];

describe("reading the key-project list", () => {
  it("takes each money column's unit from its header and stores 万元", async () => {
    const read = await readProjectsWorkbook(await sheet(HEAD, [["P1", "泉州东海大桥", "鲤城区", "交通", "battle_year", "市城投", 12.5, "3,000", new Date(Date.UTC(2024, 2, 15)), "2025/6/30"]]));
    if ("error" in read) throw new Error(read.error);
    const { rows, errors } = checkProjectLines(read, lookups);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, code: "P1", name: "泉州东海大桥", districtId: 1, sectorId: 7, actionId: 9, owner: "市城投", totalInvestment: 125000, annualPlannedInvestment: 3000, plannedStartOn: "2024-03-15", plannedCompletionOn: "2025-06-30" }]);
  });

  it("lists every bad row with all its problems", async () => {
    const read = await readProjectsWorkbook(await sheet(HEAD, [
      ["P1", "甲", "licheng", "", "", "", 1, 100, "", ""],
      ["P1", "", "旧区", "航天", "无此行动", "", "-1", "", "2024-02-30", ""],
      ["P3", "丙", "丰泽区", "", "", "", 1, 20000, "2024-05-01", "2024-04-01"],
    ]));
    if ("error" in read) throw new Error(read.error);
    const { rows, errors } = checkProjectLines(read, lookups);
    expect(rows.map((r) => r.code)).toEqual(["P1"]);
    expect(errors).toEqual([
      { line: 3, message: "项目代码“P1”与第 2 行重复；缺少项目名称；区县“旧区”已停用；没有名为“航天”的行业；本专项没有名为“无此行动”的专项行动；总投资：不能为负数；缺少年度计划投资；计划开工日期：日期格式应为 2024-03-15" },
      { line: 4, message: "没有名为“丰泽区”的区县；年度计划投资不能大于总投资；计划竣工日期不能早于计划开工日期" },
    ]);
  });

  it("refuses a money column whose header does not say the unit, and a sheet missing required columns", async () => {
    expect(await readProjectsWorkbook(await sheet(["项目代码", "项目名称", "所属区县", "总投资", "年度计划投资（亿元）"], []))).toEqual({ error: "“总投资”列标题必须写明单位，例如“总投资（亿元）”或“总投资（万元）”" });
    expect(await readProjectsWorkbook(await sheet(["项目代码", "项目名称"], []))).toEqual({ error: "表头缺少以下列：所属区县、总投资、年度计划投资。请使用下载的模板。" });
  });

  it("leaves optional columns that the sheet does not have untouched", async () => {
    const read = await readProjectsWorkbook(await sheet(["项目代码", "项目名称", "区县", "总投资（万元）", "年度计划投资（万元）"], [["P9", "丁", "鲤城区", 500, 100]]));
    if ("error" in read) throw new Error(read.error);
    expect(checkProjectLines(read, lookups).rows[0]).toEqual({ line: 2, code: "P9", name: "丁", districtId: 1, sectorId: undefined, actionId: undefined, owner: undefined, totalInvestment: 500, annualPlannedInvestment: 100, plannedStartOn: undefined, plannedCompletionOn: undefined });
  });

  it("normalises the date spellings people use", () => {
    expect(normaliseDate("2024年3月5日")).toBe("2024-03-05");
    expect(normaliseDate("2024.3.5")).toBe("2024-03-05");
    expect(normaliseDate("")).toBeNull();
    expect(normaliseDate("明年")).toEqual({ error: "日期格式应为 2024-03-15" });
  });

  it("writes a template whose headers it reads back", async () => {
    const wb = buildProjectsTemplate(lookups);
    const read = await readProjectsWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect("lines" in read && read.lines).toEqual([]);
    expect("moneyUnits" in read && read.moneyUnits).toEqual({ total: { symbol: "亿元", scale: 10000 }, annual: { symbol: "亿元", scale: 10000 } });
  });
});
