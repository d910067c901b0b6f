import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readFiguresWorkbook } from "@/app/_lib/excel/figures-sheet";

/* The month template carries "本月无数据" both ways: typed in the value cell, it marks the indicator. */
describe("本月无数据 in the month template", () => {
  it("reads 本月无数据 in the month or numerator cell as a no-data mark with blank values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("月度指标");
    ws.addRow(["指标代码", "指标名称", "单位", "上月", "以前各月累计", "本月值", "累计", "分子", "分母", "说明"]);
    ws.addRow(["a", "甲", "亿元", null, null, "本月无数据", null, null, null, "本区无此类项目"]);
    ws.addRow(["b", "乙", "%", null, null, null, null, " 无数据 ", null, "园区未开园"]);
    ws.addRow(["c", "丙", "亿元", null, null, "12.5", null, null, null, null]);
    const read = await readFiguresWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect("figures" in read && read.figures.map((f) => [f.code, f.noData, f.month, f.numerator, f.note])).toEqual([
      ["a", true, "", "", "本区无此类项目"],
      ["b", true, "", "", "园区未开园"],
      ["c", false, "12.5", "", ""],
    ]);
  });
});
