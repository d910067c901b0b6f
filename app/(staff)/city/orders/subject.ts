import "server-only";
import { getCampaignRollups } from "@/app/_lib/city-data";
import { monthLabel, todayInShanghai } from "@/domain/months";
import type { CampaignSummary } from "@/db/queries/campaigns";
import { orderSubjectLookup, projectMonthEntered } from "@/db/queries/orders";
import { getDefaultMonth } from "@/db/queries/reporting";

export interface SubjectDraft {
  subjectType: "indicator" | "project" | "problem" | "other";
  indicatorId: number | null;
  projectId: number | null;
  problemId: number | null;
  month: string | null;
  districtId: number | null;
  label: string;
  issue: string;
}

/**
 * What an order is about, looked up from the lagging item it was issued from, with the
 * "what is wrong" text pre-filled from the data (e.g. 完成 41.2%，序时 83.3%，落后 42.1 个百分点).
 * City roles only (the caller has checked order.issue).
 */
export async function draftSubject(campaign: CampaignSummary, q: { subject?: string; indicator?: string; district?: string; month?: string; problem?: string; project?: string }): Promise<SubjectDraft> {
  const month = q.month && /^\d{4}-\d{2}$/.test(q.month) ? q.month : await getDefaultMonth(campaign.id);
  const id = (v: string | undefined) => (v && /^\d{1,15}$/.test(v) ? Number(v) : undefined);
  const found = await orderSubjectLookup(campaign.id, {
    districtCode: q.district || undefined,
    indicatorCode: q.subject === "indicator" && q.indicator ? q.indicator : undefined,
    problemId: q.subject === "problem" ? id(q.problem) : undefined,
    projectId: q.subject === "project" ? id(q.project) : undefined,
  });
  const district = found.district ?? undefined;
  if (q.subject === "indicator" && q.indicator && district && month) {
    const ind = found.indicator;
    if (ind) {
      const { indicators: all } = await getCampaignRollups(campaign.id, month, "official", campaign.paceWarnBp);
      const r = all.find((i) => i.id === ind.id)?.rollup.districts.get(district.id);
      return {
        subjectType: "indicator", indicatorId: ind.id, projectId: null, problemId: null, month, districtId: district.id,
        label: `${district.name} · ${ind.name}（${monthLabel(month)}）`,
        issue: `${district.name}“${ind.name}”截至${monthLabel(month)}${r ? `：${r.pace.reason}` : "：暂无数据"}。`,
      };
    }
  }
  if (q.subject === "problem" && q.problem) {
    const p = found.problem;
    if (p) {
      const late = p.deadlineOn && p.deadlineOn < todayInShanghai() ? `，办结期限 ${p.deadlineOn} 已过` : "";
      return {
        subjectType: "problem", indicatorId: null, projectId: null, problemId: p.id, month, districtId: p.districtId,
        label: `难题：${p.projectName}`,
        issue: `“${p.projectName}”难题未解决：${p.description}（责任单位：${p.responsibleUnit}${late}）。`,
      };
    }
  }
  if (q.subject === "project" && q.project) {
    const p = found.project;
    if (p && month) {
      return {
        subjectType: "project", indicatorId: null, projectId: p.id, problemId: null, month, districtId: p.districtId,
        label: `项目：${p.name}`,
        issue: `重点项目“${p.name}”${monthLabel(month)}未填报投资进度。`,
      };
    }
  }
  return { subjectType: "other", indicatorId: null, projectId: null, problemId: null, month, districtId: district?.id ?? null, label: "其他事项", issue: "" };
}

/**
 * Where the underlying figure stands now, so the issuer can close an order with the evidence
 * in view: recovered when back on pace, when the problem is resolved, or when the project's
 * month has its investment entered.
 */
export async function subjectNow(
  campaign: CampaignSummary,
  o: { subjectType: string; indicatorId: number | null; districtId: number | null; problemStatus: string | null; projectId: number | null; month: string | null },
): Promise<{ recovered: boolean; text: string } | null> {
  if (o.subjectType === "indicator" && o.indicatorId && o.districtId) {
    const month = await getDefaultMonth(campaign.id);
    if (!month) return null;
    const { indicators: all } = await getCampaignRollups(campaign.id, month, "all", campaign.paceWarnBp);
    const r = all.find((i) => i.id === o.indicatorId)?.rollup.districts.get(o.districtId);
    if (!r) return null;
    return { recovered: r.pace.status === "ahead", text: `截至${monthLabel(month)}（含未审核数据）：${r.pace.reason}` };
  }
  if (o.subjectType === "problem" && o.problemStatus) {
    return { recovered: o.problemStatus === "resolved", text: o.problemStatus === "resolved" ? "该难题已解决" : "该难题尚未解决" };
  }
  if (o.subjectType === "project" && o.projectId && o.month) {
    const has = await projectMonthEntered(o.projectId, o.month);
    return { recovered: has, text: has ? `${monthLabel(o.month)}投资进度已填报` : `${monthLabel(o.month)}投资进度仍未填报` };
  }
  return null;
}
