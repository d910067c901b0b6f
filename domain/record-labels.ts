/** Chinese labels of the record kinds' codes (pure: used by server pages and client forms alike). */
import type { ESCALATION_LEVELS, PARK_STATUSES, PROBLEM_STATUSES, PROBLEM_TYPES } from "./codes";

export type ProblemType = (typeof PROBLEM_TYPES)[number];
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export type ParkStatus = (typeof PARK_STATUSES)[number];

export const PROBLEM_TYPE_LABELS: Record<ProblemType, string> = {
  land_approval: "用地报批",
  relocation: "征迁",
  grid_relocation: "电网工程征迁",
  other: "其他",
};

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  open: "待处理",
  in_progress: "处理中",
  resolved: "已解决",
};

export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  district: "区县",
  city: "市级",
  province: "省级",
};

export const PARK_STATUS_LABELS: Record<ParkStatus, string> = {
  planning: "规划中",
  construction: "建设中",
  trial_operation: "试运营",
  operating: "正式运营",
};

export function optionsOf<T extends string>(labels: Record<T, string>, only?: readonly T[]): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).filter((k) => !only || only.includes(k)).map((k) => ({ value: k, label: labels[k] }));
}
