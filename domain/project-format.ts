/** Labels and number formats of the project pages. Pure: used by server and client components. */
import { baseToDisplayExact, formatBase, formatPercent, type UnitDef } from "@/domain/numbers";
import type { ReportState } from "@/domain/policy";
import { PROJECT_STAGES } from "./codes";

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

const yiFormat = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 万元 → "48.60" 亿元 for tables: always two decimals, so a column lines up. */
export function yi(base: number): string {
  return yiFormat.format(base / YI_YUAN.scale);
}

/** 万元 → "12,345" 万元 for tables. */
export function wan(base: number): string {
  return formatBase(base, WAN_YUAN.scale, 0);
}

/** 万元 → the exact 亿元 text a form field starts with ("48.66"). */
export function yiInput(base: number): string {
  return baseToDisplayExact(base, YI_YUAN.scale);
}

export function completionRate(done: number, plan: number): string {
  return plan > 0 ? formatPercent(done / plan) : "—";
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
