"use server";

import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { recordDenied, requirePermission, requireUser } from "@/app/_lib/guards";
import { monthLabel, monthNumber, monthOf } from "@/domain/months";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { describeCheck } from "@/domain/plausibility/projects";
import { upsertMonthProgress } from "@/db/mutations/project-progress";
import { updateProjectRegister, updateProjectStage } from "@/db/mutations/projects";
import { getPlausibilitySettings } from "@/db/queries/plausibility";
import { getProjectAccessFacts } from "@/db/queries/projects";
import { getDistrictMonthState } from "@/db/queries/reporting";
import { canEditMonth, projectAccess, stateOfMonth } from "../access";
import { actorOf, CHECK_FIELDS, choiceErrors, describeRegister, GONE, revalidateProjects, STALE_FORM } from "../action-helpers";
import { monthStateText, STAGE_LABELS } from "@/domain/project-format";
import { monthSchema, parseInvestment, registerSchemaWith, registerValues, remarkSchema, stageSchema } from "../schemas";
import { formText, idSchema, optionalVersionSchema } from "@/app/_lib/form-parse";
import { formatWan } from "@/domain/format";

/*
 * The hidden projectId and version fields are trusted only as "which project" and "the version the
 * user was looking at": the project is looked up, and its own district decides the permission.
 */
const targetSchema = z.object({ projectId: idSchema, version: idSchema });

/** The project named by the form, after checking the caller may edit its district (403 and audited otherwise). */
async function loadForEdit(formData: FormData) {
  const user = await requireUser();
  const target = targetSchema.safeParse({ projectId: formText(formData, "projectId"), version: formText(formData, "version") });
  if (!target.success) return { found: false, message: STALE_FORM } as const;
  const access = await projectAccess(user);
  const [facts] = await getProjectAccessFacts(access.campaign.id, [target.data.projectId]);
  if (!facts) return { found: false, message: GONE } as const;
  await requirePermission("record.edit", { districtId: facts.districtId, ownerDepartmentIds: access.ownerDepartmentIds });
  return { found: true, access, facts, version: target.data.version } as const;
}

export async function updateRegisterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = registerValues(formData);
  const parsed = registerSchemaWith((await getPlausibilitySettings()).amountMax).safeParse(values);
  const loaded = await loadForEdit(formData);
  if (!loaded.found) return failure(loaded.message, {}, values);
  const { access, facts, version } = loaded;
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  const { errors: badChoices, choices } = await choiceErrors(access.campaign.id, parsed.success ? parsed.data : { sectorId: null, actionId: null });
  Object.assign(fieldErrors, badChoices);
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return failure(CHECK_FIELDS, fieldErrors, values);

  const result = await updateProjectRegister(
    await getDatabase(),
    { id: facts.id, districtId: facts.districtId, campaignId: access.campaign.id, expectedVersion: version },
    parsed.data,
    await actorOf(user),
  );
  if (!result.ok) {
    if (result.reason === "not-found") return failure(GONE, {}, values);
    if (result.reason === "duplicate") return failure(CHECK_FIELDS, { code: `项目代码“${parsed.data.code}”已被本年度的其他项目使用` }, values);
    const currentText = describeRegister(result.current.row, parsed.data, choices);
    return failure(conflictMessage({ currentText, updatedByName: result.current.updatedByName, updatedAt: result.current.updatedAt }), {}, values);
  }
  revalidateProjects(facts.id);
  // Register fields (name, sector, planned dates, public flag…) show on public pages at once, unlike figures, which wait for approval.
  revalidatePublic();
  return success("已保存登记信息");
}

export async function changeStageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = { stage: formText(formData, "stage"), actualStartOn: formText(formData, "actualStartOn"), actualCompletionOn: formText(formData, "actualCompletionOn") };
  const parsed = stageSchema.safeParse(values);
  const loaded = await loadForEdit(formData);
  if (!loaded.found) return failure(loaded.message, {}, values);
  const { access, facts, version } = loaded;
  if (!parsed.success) return failure(CHECK_FIELDS, fieldErrorsOf(parsed.error.issues), values);
  const f = parsed.data;

  // A start or completion date counts for its month (new starts, completions), so the month of
  // every date that changes, old or new, must be editable for the project's district.
  const touched = new Map<string, "actualStartOn" | "actualCompletionOn">();
  for (const field of ["actualStartOn", "actualCompletionOn"] as const) {
    if (f[field] === facts[field]) continue;
    for (const d of [facts[field], f[field]]) if (d) touched.set(monthOf(d), field);
  }
  const fieldErrors: Record<string, string> = {};
  const states = [];
  for (const [month, field] of touched) {
    const ms = await getDistrictMonthState(access.campaign.id, facts.districtId, month);
    const state = ms?.state ?? "locked";
    const resource = { districtId: facts.districtId, state, ownerDepartmentIds: access.ownerDepartmentIds };
    if (!canEditMonth(user, access, facts.districtId, state)) {
      await recordDenied(user, "record.edit", { ...resource, month, projectId: facts.id });
      fieldErrors[field] ??= `${monthLabel(month)}${ms ? monthStateText(state, ms.isOpen) : "不在本年度填报期内"}，不能登记或修改该月的日期`;
    } else {
      states.push(resource);
    }
  }
  if (Object.keys(fieldErrors).length > 0) return failure(CHECK_FIELDS, fieldErrors, values);
  for (const resource of states) await requirePermission("record.edit", resource);

  const result = await updateProjectStage(
    await getDatabase(),
    { id: facts.id, districtId: facts.districtId, campaignId: access.campaign.id, expectedVersion: version },
    f,
    await actorOf(user),
  );
  if (!result.ok) {
    if (result.reason !== "conflict") return failure(GONE, {}, values);
    const c = result.current.row;
    const currentText = `阶段：${STAGE_LABELS[c.stage]}；实际开工：${c.actualStartOn ?? "—"}；实际建成：${c.actualCompletionOn ?? "—"}`;
    return failure(conflictMessage({ currentText, updatedByName: result.current.updatedByName, updatedAt: result.current.updatedAt }), {}, values);
  }
  revalidateProjects(facts.id);
  return success(`已保存：阶段为“${STAGE_LABELS[f.stage]}”`);
}

const monthEntrySchema = z.object({ projectId: idSchema, month: monthSchema, version: optionalVersionSchema });

/**
 * One month's investment completed for one project; the month must be editable for the project's
 * district. A value the plausibility rules warn about is kept only with a note (备注), an error never.
 */
export async function saveMonthInvestmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = { amount: formText(formData, "amount"), note: formText(formData, "note") };
  const target = monthEntrySchema.safeParse({ projectId: formText(formData, "projectId"), month: formText(formData, "month"), version: formText(formData, "version") });
  if (!target.success) return failure(STALE_FORM, {}, values);
  const { projectId, month, version } = target.data;
  const access = await projectAccess(user);
  const [facts] = await getProjectAccessFacts(access.campaign.id, [projectId]);
  if (!facts) return failure(GONE, {}, values);
  const state = await stateOfMonth(access.campaign.id, facts.districtId, month);
  await requirePermission("record.edit", { districtId: facts.districtId, state, ownerDepartmentIds: access.ownerDepartmentIds });

  const settings = await getPlausibilitySettings();
  const amount = parseInvestment(values.amount);
  const note = remarkSchema.safeParse(values.note);
  const fieldErrors: Record<string, string> = {};
  if (amount.kind === "missing") fieldErrors.amount = "请填写完成投资（万元）；本月没有投资请填 0";
  if (amount.kind === "error") fieldErrors.amount = amount.message;
  if (!note.success) fieldErrors.note = note.error.issues[0]?.message ?? "备注无效";
  if (amount.kind !== "ok" || !note.success) return failure(CHECK_FIELDS, fieldErrors, values);

  const result = await upsertMonthProgress(
    await getDatabase(),
    { campaignId: access.campaign.id, districtId: facts.districtId, month },
    [{ projectId, expectedVersion: version, investment: amount.base, note: note.data }],
    await actorOf(user),
    settings,
  );
  if (!result.ok) {
    if (result.reason === "not-found") return failure(GONE, {}, values);
    if (result.reason === "implausible") {
      const d = describeCheck(result.issues.get(projectId)!, "备注");
      if (d.hard) return failure("数值超出合理范围，未保存", { amount: d.text }, values);
      return failure("数值需要核实，未保存：确认无误请在备注中写明原因后再保存", { amount: d.text, note: "请写一句说明（例如：设备集中到货）" }, values);
    }
    const c = result.conflicts.get(projectId);
    const currentText = c?.row ? `${monthNumber(month)}月完成投资 ${formatWan(c.row.investment)} 万元${c.row.note ? `，备注“${c.row.note}”` : ""}` : "无数值";
    return failure(conflictMessage({ currentText, updatedByName: c?.updatedByName ?? null, updatedAt: c?.updatedAt || null }), {}, values);
  }
  revalidateProjects(projectId);
  if (result.value.changed === 0) return success("数值没有变化");
  return success(`已保存${monthLabel(month)}完成投资${result.value.flagged > 0 ? "（按备注保存，待专项办核实）" : ""}`);
}
