"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { requirePermission, requireUser, type SessionUser } from "@/app/_lib/guards";
import { monthOf } from "@/domain/months";
import { getDatabase } from "@/db/index";
import { updateProblem, type ProblemAuditAction, type ProblemFields, type ProblemStatusFields } from "@/db/mutations/problems";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getProblem } from "@/db/queries/problems";
import { getRecordOwners } from "@/db/queries/reporting";
import { actorOf, checkRecordMonths, problemOwners, uniqueTouches, type MonthTouch } from "../../_lib/access";
import { ESCALATION_LABELS, PROBLEM_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "@/domain/record-labels";
import { problemFieldNames, problemFieldsSchema, resolveSchema, statusSchema } from "../schemas";
import { namedFormValues, targetSchema } from "@/app/_lib/form-parse";

/*
 * The hidden `id` and `version` are only "which problem" and "the version the form showed":
 * the problem is loaded here and its district and type decide who may change it.
 */
const STALE_FORM = "表单已失效，请刷新页面后重试";
const GONE = "该难题不存在，可能已被删除";
const CHECK = "请检查标出的字段";

type Problem = NonNullable<Awaited<ReturnType<typeof getProblem>>>;

function summary(p: Problem): string {
  const parts = [
    PROBLEM_TYPE_LABELS[p.type],
    p.description,
    `责任单位 ${p.responsibleUnit}`,
    `${ESCALATION_LABELS[p.escalationLevel]}协调`,
    `时限 ${p.deadlineOn ?? "未定"}`,
    PROBLEM_STATUS_LABELS[p.status] + (p.resolvedOn ? ` ${p.resolvedOn}` : ""),
  ];
  if (p.resolutionNote) parts.push(`解决情况：${p.resolutionNote}`);
  return parts.join("；");
}

/** The problem the form names, in the current campaign, or null. */
async function load(formData: FormData): Promise<{ target: { id: number; version: number }; problem: Problem | null; campaignId: number } | null> {
  const target = targetSchema.safeParse(namedFormValues(formData, ["id", "version"]));
  if (!target.success) return null;
  const campaign = await getCurrentCampaign();
  if (!campaign) throw new Error("no campaign");
  return { target: target.data, problem: await getProblem(target.data.id, campaign.id), campaignId: campaign.id };
}

async function save(
  user: SessionUser,
  problem: Problem,
  version: number,
  patch: Partial<ProblemFields & ProblemStatusFields>,
  action: ProblemAuditAction,
  values: Record<string, string>,
  done: string,
): Promise<ActionState> {
  const result = await updateProblem(await getDatabase(), { id: problem.id, districtId: problem.districtId, expectedVersion: version }, patch, action, await actorOf(user));
  revalidatePath("/district/problems");
  revalidatePath(`/district/problems/${problem.id}`);
  revalidatePath("/district");
  if (result.ok) return success(done);
  const now = result.reason === "conflict" ? await getProblem(problem.id, (await getCurrentCampaign())!.id) : null;
  if (!now) return failure(GONE, {}, values);
  return failure(conflictMessage({ currentText: summary(now), updatedByName: now.updatedByName, updatedAt: now.updatedAt }), {}, values);
}

function resolvedTouch(problem: Problem, field: string): MonthTouch | null {
  return problem.status === "resolved" && problem.resolvedOn ? { month: monthOf(problem.resolvedOn), field, label: "解决日期" } : null;
}

/** Edits the problem's own fields. Changing the type of a resolved problem moves it between solved-counts, so its resolved month must be editable. */
export async function updateProblemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = namedFormValues(formData, problemFieldNames);
  const parsed = problemFieldsSchema.safeParse(values);
  const loaded = await load(formData);
  if (!loaded) return failure(STALE_FORM, {}, values);
  if (!parsed.success) return failure(CHECK, fieldErrorsOf(parsed.error.issues), values);
  const { problem, target, campaignId } = loaded;
  if (!problem) return failure(GONE, {}, values);
  const f = parsed.data;

  const owners = await getRecordOwners(campaignId);
  // A department editor must own both the old and the new type.
  const newOwners = problemOwners(owners, f.type);
  const ownerDepartmentIds = problemOwners(owners, problem.type).filter((d) => newOwners.includes(d));
  await requirePermission("record.edit", { districtId: problem.districtId, ownerDepartmentIds });
  if (problem.resolvedOn && f.openedOn > problem.resolvedOn) return failure(CHECK, { openedOn: "登记日期不能晚于解决日期" }, values);
  const monthErrors = await checkRecordMonths(
    user,
    { campaignId, districtId: problem.districtId, districtName: problem.districtName, ownerDepartmentIds },
    uniqueTouches([f.type !== problem.type && resolvedTouch(problem, "type")]),
  );
  if (Object.keys(monthErrors).length > 0) return failure(CHECK, monthErrors, values);

  return save(user, problem, target.version, f, "problem.update", values, "已保存");
}

/** Moves an unresolved problem between 待处理 and 处理中, or reopens a resolved one (which takes it out of its resolved month's count). */
export async function setProblemStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = namedFormValues(formData, ["status"]);
  const parsed = statusSchema.safeParse(values);
  const loaded = await load(formData);
  if (!loaded) return failure(STALE_FORM, {}, values);
  if (!parsed.success) return failure(CHECK, fieldErrorsOf(parsed.error.issues), values);
  const { problem, target, campaignId } = loaded;
  if (!problem) return failure(GONE, {}, values);

  const owners = await getRecordOwners(campaignId);
  const ownerDepartmentIds = problemOwners(owners, problem.type);
  await requirePermission("record.edit", { districtId: problem.districtId, ownerDepartmentIds });
  const reopening = problem.status === "resolved";
  const monthErrors = await checkRecordMonths(
    user,
    { campaignId, districtId: problem.districtId, districtName: problem.districtName, ownerDepartmentIds },
    uniqueTouches([resolvedTouch(problem, "status")]),
  );
  if (Object.keys(monthErrors).length > 0) return failure(monthErrors.status!, monthErrors, values);

  const patch = reopening ? { status: parsed.data.status, resolvedOn: null, resolvedBy: null, resolutionNote: null } : { status: parsed.data.status };
  const state = await save(user, problem, target.version, patch, reopening ? "problem.reopen" : "problem.status", values, reopening ? "已重新打开" : "状态已更新");
  // The reopen form disappears with the resolution, so its confirmation goes on the page.
  if (reopening && state.ok) redirect(`/district/problems/${problem.id}?reopened=1`);
  return state;
}

/** Resolves a problem (or corrects its resolution). The resolved date's month — and, when it moves, the old one's — must be editable. */
export async function resolveProblemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = namedFormValues(formData, ["resolvedOn", "resolutionNote"]);
  const parsed = resolveSchema.safeParse(values);
  const loaded = await load(formData);
  if (!loaded) return failure(STALE_FORM, {}, values);
  if (!parsed.success) return failure(CHECK, fieldErrorsOf(parsed.error.issues), values);
  const { problem, target, campaignId } = loaded;
  if (!problem) return failure(GONE, {}, values);
  const f = parsed.data;

  const owners = await getRecordOwners(campaignId);
  const ownerDepartmentIds = problemOwners(owners, problem.type);
  await requirePermission("record.edit", { districtId: problem.districtId, ownerDepartmentIds });
  if (f.resolvedOn < problem.openedOn) return failure(CHECK, { resolvedOn: `解决日期不能早于登记日期（${problem.openedOn}）` }, values);
  const dateChanged = problem.status !== "resolved" || problem.resolvedOn !== f.resolvedOn;
  const monthErrors = await checkRecordMonths(
    user,
    { campaignId, districtId: problem.districtId, districtName: problem.districtName, ownerDepartmentIds },
    uniqueTouches([
      dateChanged && { month: monthOf(f.resolvedOn), field: "resolvedOn", label: "解决日期" },
      dateChanged && problem.resolvedOn !== null && { month: monthOf(problem.resolvedOn), field: "resolvedOn", label: "原解决日期" },
    ]),
  );
  if (Object.keys(monthErrors).length > 0) return failure(CHECK, monthErrors, values);

  const patch = {
    status: "resolved" as const,
    resolvedOn: f.resolvedOn,
    resolutionNote: f.resolutionNote,
    ...(problem.status !== "resolved" || dateChanged ? { resolvedBy: user.id } : {}),
  };
  return save(user, problem, target.version, patch, "problem.resolve", values, problem.status === "resolved" ? "解决情况已更新" : "已标记为已解决");
}
