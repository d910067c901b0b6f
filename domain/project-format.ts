/** Labels of the project pages and the 亿元/万元 units (their numbers: domain/format). Pure: used by server and client components. */
import type { UnitDef } from "@/domain/numbers";
import type { ReportState } from "@/domain/policy";
import { PROJECT_STAGES } from "./codes";
import { baseToDisplayExact } from "@/domain/format";

export type Stage = (typeof PROJECT_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  preparing: "前期筹备",
  under_construction: "在建",
  completed: "已建成",
  suspended: "暂停",
};

export const STAGE_OPTIONS = PROJECT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));

/** Money is stored in 万元 (units: yi_yuan scale 10000, wan_yuan scale 1). */
export const YI_YUAN: UnitDef = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
export const WAN_YUAN: UnitDef = { code: "wan_yuan", symbol: "万元", scale: 1 };

/** 万元 → the exact 亿元 text a form field starts with ("48.66"). */
export function yiInput(base: number): string {
  return baseToDisplayExact(base, YI_YUAN.scale);
}

/** Why a month can or cannot be edited, as the clerk reads it. */
export function monthStateText(state: ReportState, isOpen: boolean): string {
  if (!isOpen) return "未开放";
  return {
    draft: "填报中",
    returned: "已退回，可修改",
    submitted: "已报送，待审核",
    approved: "已审核通过",
    locked: "已锁定",
  }[state];
}
