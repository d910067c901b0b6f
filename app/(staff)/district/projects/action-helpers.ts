import "server-only";
import { revalidatePath } from "next/cache";
import type { RegisterFields } from "@/db/mutations/projects";
import { listProjectFormChoices } from "@/db/queries/projects";
import { formatYi } from "@/domain/format";
export { actorOf } from "@/app/_lib/actor";

export const STALE_FORM = "表单已失效，请刷新页面后重试";
export const GONE = "该项目不存在，或不在您的管辖范围内";
export const CHECK_FIELDS = "请检查标出的字段，未保存任何内容";


/** Sector and action ids must be ones the form offered (active sector, an action of this campaign). */
export async function choiceErrors(campaignId: number, f: { sectorId: number | null; actionId: number | null }) {
  const choices = await listProjectFormChoices(campaignId);
  const errors: Record<string, string> = {};
  if (f.sectorId !== null && !choices.sectors.some((s) => s.id === f.sectorId)) errors.sectorId = "所选行业不存在或已停用";
  if (f.actionId !== null && !choices.actions.some((a) => a.id === f.actionId)) errors.actionId = "所选专项行动不存在";
  return { errors, choices };
}

const REGISTER_LABELS: Record<keyof RegisterFields, string> = {
  code: "项目代码",
  name: "项目名称",
  sectorId: "行业",
  actionId: "所属专项行动",
  owner: "业主单位",
  totalInvestment: "总投资",
  annualPlannedInvestment: "年度计划投资",
  plannedStartOn: "计划开工日期",
  plannedCompletionOn: "计划建成日期",
  isKey: "市重点项目",
  isPublic: "公开展示",
  description: "项目简介",
  longitude: "经度",
  latitude: "纬度",
};

/**
 * The stored register values that differ from what the user sent ("项目名称：…；业主单位：…"),
 * so a conflict message shows what is there now; all of them if nothing differs.
 */
export function describeRegister(
  current: RegisterFields,
  sent: RegisterFields,
  names: { sectors: { id: number; name: string }[]; actions: { id: number; name: string }[] },
): string {
  const keys = (Object.keys(REGISTER_LABELS) as (keyof RegisterFields)[]).filter((k) => current[k] !== sent[k]);
  const shown = keys.length > 0 ? keys : (["name", "owner", "totalInvestment"] as const);
  const text = (k: keyof RegisterFields): string => {
    const v = current[k];
    if (v === null || v === "") return "（空）";
    if (k === "sectorId") return names.sectors.find((s) => s.id === v)?.name ?? String(v);
    if (k === "actionId") return names.actions.find((a) => a.id === v)?.name ?? String(v);
    if (k === "totalInvestment" || k === "annualPlannedInvestment") return `${formatYi(v as number)} 亿元`;
    if (typeof v === "boolean") return v ? "是" : "否";
    return String(v);
  };
  return shown.map((k) => `${REGISTER_LABELS[k]}：${text(k)}`).join("；");
}

export function revalidateProjects(projectId?: number) {
  revalidatePath("/district/projects");
  revalidatePath("/district/projects/progress");
  if (projectId) revalidatePath(`/district/projects/${projectId}`);
  revalidatePath("/district");
}
