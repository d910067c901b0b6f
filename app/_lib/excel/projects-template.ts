import "server-only";
import ExcelJS from "exceljs";
import { styledSheet } from "./workbook";
import { STAGE_LABELS } from "@/domain/project-register";
import { PROJECTS_SHEET, type Lookup } from "./projects-columns";

/** The key-project import template (城市设置 → 重点项目导入): the columns with their notes and the lookup lists. */

export function buildProjectsTemplate(args: { districts: Lookup[]; sectors: Lookup[]; actions: Lookup[] }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推进";
  styledSheet(wb, PROJECTS_SHEET, [
    { header: "项目代码", key: "code", width: 16 },
    { header: "项目名称", key: "name", width: 40 },
    { header: "所属区县", key: "district", width: 14 },
    { header: "行业", key: "sector", width: 12 },
    { header: "专项行动", key: "action", width: 18 },
    { header: "业主单位", key: "owner", width: 28 },
    { header: "总投资（亿元）", key: "total", width: 14 },
    { header: "年度计划投资（亿元）", key: "annual", width: 18 },
    { header: "计划开工日期", key: "plannedStart", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "计划竣工日期", key: "plannedCompletion", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "阶段", key: "stage", width: 12 },
    { header: "实际开工日期", key: "actualStart", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "实际竣工日期", key: "actualCompletion", width: 14, numFmt: "yyyy-mm-dd" },
    { header: "重点级别", key: "keyLevel", width: 12 },
    { header: "经度", key: "longitude", width: 12 },
    { header: "纬度", key: "latitude", width: 12 },
  ]);
  const help = wb.addWorksheet("填写说明");
  help.columns = [{ width: 24 }, { width: 70 }];
  const rows: [string, string][] = [
    ["项目代码", "必填，每个项目唯一。再次导入时按项目代码更新已有项目，不会重复创建。"],
    ["项目名称", "必填。"],
    ["所属区县", `必填，填区县名称或代码：${args.districts.filter((d) => d.active !== false).map((d) => `${d.name}（${d.code}）`).join("、")}`],
    ["行业", `可空，填行业名称或代码：${args.sectors.filter((d) => d.active !== false).map((d) => `${d.name}（${d.code}）`).join("、")}`],
    ["专项行动", `可空，填专项行动名称或代码：${args.actions.map((d) => `${d.name}（${d.code}）`).join("、")}`],
    ["业主单位", "可空。"],
    ["总投资、年度计划投资", "必填。列标题写明单位：“总投资（亿元）”或“总投资（万元）”，数值按该单位填写。年度计划投资不能大于总投资。"],
    ["计划开工、竣工日期", "可空。Excel 日期，或 2024-03-15、2024/3/15、2024年3月15日 等写法。"],
    ["阶段", `可空，填 ${Object.values(STAGE_LABELS).join("、")}（也认“续建”“竣工”“停工”等写法）。空着时按实际日期推定：有实际竣工日期为已建成，有实际开工日期为在建，否则为前期筹备。`],
    ["实际开工、竣工日期", "可空，写法同计划日期。在建须有实际开工日期；已建成须有实际开工和竣工日期。实际开工日期在本年内的市重点项目计入“新开工”。已审核发布月份的开工、竣工日期不能通过导入改动。"],
    ["重点级别", "可空（默认市重点），填 市重点、省重点 或 一般。专项统计的是本市的市重点项目清单：同时列入省、市重点的填“市重点”；只列入省重点清单的填“省重点”，与“一般”一样不计入市重点项目的个数和投资。"],
    ["经度、纬度", "可空，项目位置（WGS 84 十进制度数，例如 118.5876、24.9087），用于区县页面的项目位置图。两项要么都填，要么都不填；须在中国范围内（东经 73–136 度、北纬 3–54 度）。表中没有这两列时，已有项目的位置保持不变。"],
    ["整表规则", "只要有一行有错误，就不会保存任何数据；页面会列出每一行的问题。"],
  ];
  for (const r of rows) help.addRow(r);
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return wb;
}
