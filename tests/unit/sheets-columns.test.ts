import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { headerKey, locateColumns } from "@/app/_lib/excel/columns";
import { readFiguresWorkbook } from "@/app/_lib/excel/figures-sheet";
import { progressTemplateRows } from "@/app/_lib/excel/month-projects";

describe("columns found by header name", () => {
  it("ignores spaces, full-width forms and a trailing unit, and takes the first name that is present", () => {
    expect(headerKey(" 本月完成投资（万元） ")).toBe("本月完成投资");
    expect(locateColumns(["项目代码", "项目名称", "阶段", "本月需填报", "上月完成投资（万元）", "本月完成投资(万元)", "说明"], { code: ["项目代码"], amount: ["本月完成投资"], note: ["说明"], missing: ["无此列"] })).toEqual({
      code: 1,
      amount: 6,
      note: 7,
    });
    expect(locateColumns(["以前各月累计", "本月值", "1—10月累计"], { cum: ["累计", /^(?!以前).*月累计$/] })).toEqual({ cum: 3 });
  });
});

async function progressOf(headers: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("月度指标").addRow(["指标代码", "指标名称", "单位", "上月", "以前各月累计", "本月值", "1—10月累计", "分子", "分母", "说明"]);
  const ps = wb.addWorksheet("项目进度");
  ps.addRow(headers);
  for (const r of rows) ps.addRow(r);
  const read = await readFiguresWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if ("error" in read) throw new Error(read.error);
  return read.progress.map((p) => [p.line, p.code, p.amount, p.note]);
}

describe("the month template's project sheet", () => {
  it("reads this version (with 阶段 and 本月需填报) and last version's layout alike, ignoring the informational columns", async () => {
    const now = await progressOf(["项目代码", "项目名称", "阶段", "本月需填报", "上月完成投资（万元）", "本月完成投资（万元）", "说明"], [["P1", "甲", "在建", "是", 100, 250, "设备款"]]);
    const last = await progressOf(["项目代码", "项目名称", "上月完成投资（万元）", "本月完成投资（万元）", "说明"], [["P1", "甲", 100, 250, "设备款"]]);
    expect(now).toEqual([[2, "P1", "250", "设备款"]]);
    expect(last).toEqual(now);
  });

  it("refuses a project sheet without a 本月完成投资 column instead of reading the wrong one", async () => {
    await expect(progressOf(["项目代码", "项目名称", "上月完成投资（万元）"], [["P1", "甲", 100]])).rejects.toThrow("表头与模板不一致");
  });

  it("lists projects that need a value this month first, then by code, with stage and 是/否", () => {
    const base = { previousInvestment: null, entryNote: null, actualCompletionOn: null, entryInvestment: null };
    const rows = progressTemplateRows(
      [
        { ...base, code: "A1", name: "未开工", stage: "preparing", actualStartOn: null },
        { ...base, code: "A2", name: "已建成", stage: "completed", actualStartOn: "2022-03-01", actualCompletionOn: "2023-05-20" },
        { ...base, code: "B1", name: "在建", stage: "under_construction", actualStartOn: "2023-02-01" },
        { ...base, code: "A3", name: "已填", stage: "preparing", actualStartOn: null, entryInvestment: 50 },
      ],
      "2023-10",
    );
    expect(rows.map((r) => [r.code, r.stage, r.needsValue])).toEqual([
      ["A3", "前期筹备", true],
      ["B1", "在建", true],
      ["A1", "前期筹备", false],
      ["A2", "已建成", false],
    ]);
  });
});
