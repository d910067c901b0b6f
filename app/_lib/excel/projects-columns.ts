import "server-only";

/** The columns of the key-project import sheet: read by ./projects-import.ts, written by ./projects-template.ts. */

export const PROJECTS_SHEET = "重点项目";
export const MAX_PROJECT_ROWS = 5000;

export type Key = "code" | "name" | "district" | "sector" | "action" | "owner" | "total" | "annual" | "plannedStart" | "plannedCompletion" | "stage" | "actualStart" | "actualCompletion" | "keyLevel" | "longitude" | "latitude";

/** Accepted header texts per column (first is the template's). */
export const HEADERS: Record<Key, string[]> = {
  code: ["项目代码", "项目编号"],
  name: ["项目名称"],
  district: ["所属区县", "区县"],
  sector: ["行业", "行业分类"],
  action: ["专项行动", "所属专项行动"],
  owner: ["业主单位", "项目业主"],
  total: ["总投资"],
  annual: ["年度计划投资", "年度计划"],
  plannedStart: ["计划开工日期", "计划开工时间", "计划开工"],
  plannedCompletion: ["计划竣工日期", "计划建成日期", "计划竣工时间", "计划竣工"],
  stage: ["阶段", "项目阶段", "建设阶段", "项目状态"],
  actualStart: ["实际开工日期", "实际开工时间", "实际开工"],
  actualCompletion: ["实际竣工日期", "实际建成日期", "实际竣工时间", "实际竣工", "实际建成"],
  keyLevel: ["重点级别", "项目级别", "重点项目类别", "是否市重点"],
  longitude: ["经度", "项目经度"],
  latitude: ["纬度", "项目纬度"],
};
export const REQUIRED: Key[] = ["code", "name", "district", "total", "annual"];
export const MONEY: Key[] = ["total", "annual"];
export const LABEL: Record<Key, string> = { code: "项目代码", name: "项目名称", district: "所属区县", sector: "行业", action: "专项行动", owner: "业主单位", total: "总投资", annual: "年度计划投资", plannedStart: "计划开工日期", plannedCompletion: "计划竣工日期", stage: "阶段", actualStart: "实际开工日期", actualCompletion: "实际竣工日期", keyLevel: "重点级别", longitude: "经度", latitude: "纬度" };

export interface Lookup {
  id: number;
  code: string;
  name: string;
  active?: boolean;
}
