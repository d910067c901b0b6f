/**
 * The one permission function. Every page, server action and route handler reaches it through
 * a guard (app/_lib/guards.ts); nothing else decides who may do what. Default deny: an action
 * not listed for a role is refused. Pure, so it is table-tested for every role × action × state
 * (tests/unit/policy.test.ts).
 */
import type { OrderStatus, Role } from "./codes";

/** Who asks, as the policy sees them (role and scope from the session); the author of a write is domain/actor.ts. */
export interface Principal {
  id: number;
  role: Role;
  districtId: number | null;
  departmentId: number | null;
  active: boolean;
}

/** A district-month's state; "locked" is an approved month the campaign office has locked. */
export type ReportState = "draft" | "submitted" | "returned" | "approved" | "locked";
export const REPORT_STATES: ReportState[] = ["draft", "submitted", "returned", "approved", "locked"];

export const ACTIONS = [
  /** Published figures and public records. */
  "public.read",
  /** Rollups, rankings, drill-down and exports, including unapproved figures. */
  "city.read",
  "export.download",
  /** One district's month: its figures and records, approved or not. */
  "report.read",
  /** Enter or change a district-month's figures and the records that feed them. */
  "report.edit",
  "report.submit",
  /** Open the review queue and a month's review page (the campaign office's desk; leaders use the drill-down). */
  "report.review",
  "report.approve",
  "report.return",
  /** Reopen an approved (unlocked) month so the district can correct it (restatement). */
  "report.reopen",
  "period.lock",
  "period.unlock",
  /** Project register, problems, signings, parks of a district (outside a month's figures). */
  "record.edit",
  "user.manage",
  "lockout.lift",
  "audit.read",
  "campaign.manage",
  /** One's own password and two-factor settings. */
  "account.update",
  /** Supervision orders (督办单): issue, see, answer, send back, close (销号). */
  "order.issue",
  "order.read",
  "order.respond",
  "order.return",
  "order.close",
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Resource {
  /** The district the data belongs to. */
  districtId?: number | null;
  /** State of the district-month the action touches; absent = not tied to a month. */
  state?: ReportState;
  /** Departments owning the indicators (or record kinds) the action touches. */
  ownerDepartmentIds?: readonly number[];
  /** A supervision order: who must answer it, and where it stands. */
  order?: { districtId: number | null; departmentId: number | null; status: OrderStatus };
}

const EDITABLE: readonly ReportState[] = ["draft", "returned"];

function ownsDistrict(actor: Principal, r: Resource): boolean {
  return actor.role === "district_editor" && actor.districtId != null && r.districtId === actor.districtId;
}

function ownsDepartmentData(actor: Principal, r: Resource): boolean {
  return actor.role === "department_editor" && actor.departmentId != null && (r.ownerDepartmentIds ?? []).includes(actor.departmentId);
}

function isResponsible(actor: Principal, order: { districtId: number | null; departmentId: number | null }): boolean {
  if (actor.role === "district_editor") return actor.districtId != null && order.districtId === actor.districtId;
  if (actor.role === "department_editor") return actor.departmentId != null && order.departmentId === actor.departmentId;
  return false;
}

export function can(actor: Principal | null, action: Action, resource: Resource = {}): boolean {
  if (action === "public.read") return true;
  if (!actor || !actor.active) return false;
  const { role } = actor;
  const isCity = role === "city_admin" || role === "city_leader";
  const state = resource.state;
  const editableState = state === undefined || EDITABLE.includes(state);

  switch (action) {
    case "account.update":
      return true;
    case "city.read":
    case "export.download":
      return isCity;
    case "report.read":
      return isCity || ownsDistrict(actor, resource) || ownsDepartmentData(actor, resource);
    case "report.edit":
      // The campaign office may correct a submitted month before approving it; nobody edits
      // an approved or locked month (it must be returned or unlocked first).
      if (role === "city_admin") return state === undefined || state === "draft" || state === "returned" || state === "submitted";
      return editableState && (ownsDistrict(actor, resource) || ownsDepartmentData(actor, resource));
    case "record.edit":
      if (role === "city_admin") return state !== "approved" && state !== "locked";
      return editableState && (ownsDistrict(actor, resource) || ownsDepartmentData(actor, resource));
    case "report.submit":
      return editableState && state !== undefined && ownsDistrict(actor, resource);
    case "report.review":
      return role === "city_admin";
    case "report.approve":
      return role === "city_admin" && state === "submitted";
    case "report.return":
      return role === "city_admin" && state === "submitted";
    // A locked month must be unlocked first; only approved months are restated.
    case "report.reopen":
      return role === "city_admin" && state === "approved";
    case "period.lock":
      return role === "city_admin" && state === "approved";
    case "period.unlock":
      return role === "city_admin" && state === "locked";
    case "user.manage":
    case "lockout.lift":
    case "audit.read":
    case "campaign.manage":
      return role === "city_admin";
    // Only city roles issue and close orders; only the responsible district or department answers.
    case "order.issue":
      return isCity;
    case "order.read":
      return isCity || (resource.order != null && isResponsible(actor, resource.order));
    case "order.respond":
      return resource.order != null && isResponsible(actor, resource.order) && (resource.order.status === "open" || resource.order.status === "returned");
    case "order.return":
    case "order.close":
      return isCity && resource.order?.status === "responded";
  }
}
