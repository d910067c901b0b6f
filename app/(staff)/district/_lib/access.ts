import "server-only";
import { forbidden, notFound } from "next/navigation";
import { recordDenied, requirePermission, type SessionUser } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { can, type ReportState, type Resource } from "@/domain/policy";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getDistrictMonthState, getRecordOwners, type DistrictMonthState } from "@/db/queries/reporting";
import { PROBLEM_TYPES } from "@/domain/codes";
import type { ProblemType } from "@/domain/record-labels";
import { confinedDistrictId } from "@/domain/work-scope";
import type { MonthTouch } from "./touches";
export { actorOf } from "@/app/_lib/actor";

export { uniqueTouches, type MonthTouch } from "./touches";

export type RecordKind = "problems" | "signings" | "parks";
export type RecordOwners = Awaited<ReturnType<typeof getRecordOwners>>;

export interface RecordAccess {
  campaignId: number;
  /** A district editor's own district: the only one they see. Null = every district (department editors, city admins). */
  districtId: number | null;
  /** Problem types the caller may see and edit: a department editor's own types, everyone else all. */
  problemTypes: ProblemType[];
  owners: RecordOwners;
}

/** Departments owning a problem type (none for "other": only districts and the campaign office keep those). */
export function problemOwners(owners: RecordOwners, type: ProblemType): number[] {
  return owners.problems[type] ?? [];
}

/**
 * Who may open the problem, signing and park pages: a district editor (own district), a
 * department editor owning the record kind (every district), a city admin. City leaders read
 * rollups on the city pages, not the ledgers clerks keep; they and everyone else get 403.
 */
export async function requireRecordAccess(user: SessionUser, kind: RecordKind, next: string): Promise<RecordAccess> {
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const owners = await getRecordOwners(campaign.id);
  const ownerDepartmentIds = kind === "problems" ? [...new Set(Object.values(owners.problems).flat())] : owners[kind];
  if (user.role === "city_leader") {
    await recordDenied(user, "report.read", { entity: kind });
    forbidden();
  }
  await requirePermission("report.read", { districtId: user.districtId, ownerDepartmentIds }, { next });
  const problemTypes =
    user.role === "department_editor" ? PROBLEM_TYPES.filter((t) => user.departmentId !== null && problemOwners(owners, t).includes(user.departmentId)) : [...PROBLEM_TYPES];
  return { campaignId: campaign.id, districtId: confinedDistrictId(user), problemTypes, owners };
}

/** Why a district-month does not accept changes, in words a clerk can act on. */
export function closedMonthMessage(districtName: string, month: string, s: DistrictMonthState | null, state: ReportState, label: string): string {
  const at = `${label}所在的${monthLabel(month)}`;
  if (!s) return `${at}不在本次专项行动的填报期内`;
  if (!s.isOpen) return `${at}尚未开放填报`;
  if (state === "locked") return `${at}${districtName}月报已锁定，不能录入或修改；如需更正请联系专项办解锁`;
  if (state === "approved") return `${at}${districtName}月报已审核通过，不能再修改；如需更正请联系专项办重新打开该月`;
  if (state === "submitted") return `${at}${districtName}月报已报送、正在审核，不能修改；如需修改请联系专项办退回`;
  return `${at}${districtName}月报当前不能修改`;
}

/**
 * Rule 3: a change dated in month M is allowed only while the district's month M is editable.
 * Scope has been checked already (requirePermission without state); here each touched month's
 * state goes through the same policy. A closed month is refused as a field error the clerk can
 * read next to the date (the attempt is audited as denied, like a 403 would be), instead of
 * ending the request on a 403 page that loses the form.
 */
export async function checkRecordMonths(
  user: SessionUser,
  scope: { campaignId: number; districtId: number; districtName: string; ownerDepartmentIds?: readonly number[] },
  touches: readonly MonthTouch[],
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const denied = new Set<string>();
  for (const t of touches) {
    const s = await getDistrictMonthState(scope.campaignId, scope.districtId, t.month);
    const state: ReportState = s?.state ?? "locked";
    const resource: Resource = { districtId: scope.districtId, state, ownerDepartmentIds: scope.ownerDepartmentIds };
    if (can(user, "record.edit", resource)) {
      await requirePermission("record.edit", resource);
      continue;
    }
    if (!denied.has(t.month)) {
      denied.add(t.month);
      await recordDenied(user, "record.edit", { ...resource, month: t.month });
    }
    errors[t.field] ??= closedMonthMessage(scope.districtName, t.month, s, state, t.label);
  }
  return errors;
}

/** Whether the district's month accepts changes from this user (for hints on the pages; the actions decide). */
export async function monthEditable(user: SessionUser, scope: { campaignId: number; districtId: number; ownerDepartmentIds?: readonly number[] }, month: string): Promise<boolean> {
  const s = await getDistrictMonthState(scope.campaignId, scope.districtId, month);
  return can(user, "record.edit", { districtId: scope.districtId, state: s?.state ?? "locked", ownerDepartmentIds: scope.ownerDepartmentIds });
}

