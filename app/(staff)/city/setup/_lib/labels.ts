/** Chinese labels of the set-up pages (pure). */
import type { CampaignStatus } from "@/domain/codes";

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: "草稿", active: "启用", archived: "归档" };

export const CAMPAIGN_STATUS_HINTS: Record<CampaignStatus, string> = {
  draft: "正在设置，区县看不到",
  active: "可以设为当前专项，开放月份后区县填报",
  archived: "只读，仍对外公开",
};

export const CAMPAIGN_STATUS_STYLES: Record<CampaignStatus, string> = {
  draft: "bg-amber-100 text-amber-900",
  active: "bg-green-50 text-green-800",
  archived: "bg-slate-200 text-slate-700",
};

export const FIELD_LABELS_PROJECT = {
  name: "项目名称",
  districtId: "所属区县",
  sectorId: "行业",
  actionId: "专项行动",
  owner: "业主单位",
  totalInvestment: "总投资",
  annualPlannedInvestment: "年度计划投资",
  plannedStartOn: "计划开工日期",
  plannedCompletionOn: "计划竣工日期",
  stage: "阶段",
  actualStartOn: "实际开工日期",
  actualCompletionOn: "实际竣工日期",
  keyLevel: "重点级别",
  longitude: "经度",
  latitude: "纬度",
} as const;
