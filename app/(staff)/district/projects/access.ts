import "server-only";
import { notFound } from "next/navigation";
import { can, type ReportState } from "@/domain/policy";
import { requirePermission, type SessionUser } from "@/app/_lib/guards";
import { getCurrentCampaign, type CampaignSummary } from "@/db/queries/campaigns";
import type { ProjectScope } from "@/db/queries/project-scope";
import { getDistrictMonthState, getRecordOwners } from "@/db/queries/reporting";
import { confinedDistrictId } from "@/domain/work-scope";

export interface ProjectAccess {
  campaign: CampaignSummary;
  scope: ProjectScope;
  /** Departments that own project records (getRecordOwners): passed to every policy check. */
  ownerDepartmentIds: number[];
  /** Department editors and city admins work across districts: they see and choose the district. */
  acrossDistricts: boolean;
}

/**
 * Who may work on the project register, and on which districts. A district editor: their own
 * district (from the session). A department editor: every district, but only if their
 * department owns project records. A city admin: every district. Anyone else (a city leader, a
 * department that owns other records) is refused with 403 and the attempt audited.
 */
export async function projectAccess(user: SessionUser): Promise<ProjectAccess> {
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const ownerDepartmentIds = (await getRecordOwners(campaign.id)).projects;
  await requirePermission("record.edit", { districtId: user.districtId ?? undefined, ownerDepartmentIds });
  const own = confinedDistrictId(user);
  const acrossDistricts = own === null;
  return {
    campaign,
    scope: { campaignId: campaign.id, districtIds: own === null ? "all" : [own] },
    ownerDepartmentIds,
    acrossDistricts,
  };
}

/** A district-month's state for the policy; a month outside the campaign counts as locked. */
export async function stateOfMonth(campaignId: number, districtId: number, month: string): Promise<ReportState> {
  return (await getDistrictMonthState(campaignId, districtId, month))?.state ?? "locked";
}

/** Whether the user may change records of `districtId` dated in a month with this state (UI decisions; the actions re-check). */
export function canEditMonth(user: SessionUser, access: ProjectAccess, districtId: number, state: ReportState): boolean {
  return can(user, "record.edit", { districtId, state, ownerDepartmentIds: access.ownerDepartmentIds });
}
