"use server";

import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { describeCheck } from "@/domain/plausibility/projects";
import { getDatabase } from "@/db/index";
import { upsertMonthProgress, type ProgressInput } from "@/db/mutations/project-progress";
import { getPlausibilitySettings } from "@/db/queries/plausibility";
import { getProjectAccessFacts } from "@/db/queries/projects";
import { projectAccess, stateOfMonth } from "../access";
import { actorOf, revalidateProjects, STALE_FORM } from "../action-helpers";
import { monthSchema, noteSchema, parseInvestment } from "../schemas";
import { formText, idSchema, optionalVersionSchema } from "@/app/_lib/form-parse";
import { formatWan } from "@/domain/format";

const MAX_ROWS = 1000;

/**
 * Saves one month's investment for many projects of one district at once, all or nothing: every
 * non-blank row must parse, still be at the version the page showed, and be plausible (a warned
 * value needs the row's note `note-<id>`; an error is never kept), or nothing is stored. Blank
 * rows are left as they are. The district is the projects' own, checked against the session;
 * the month must be editable for it.
 */
export async function saveMonthProgressAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const month = monthSchema.safeParse(formText(formData, "month"));
  const rawIds = formData.getAll("projectId").map((v) => (typeof v === "string" ? v : ""));
  const ids = rawIds.map((s) => idSchema.safeParse(s));
  const values: Record<string, string> = { month: month.success ? month.data : "" };
  for (const s of rawIds) {
    values[`amount-${s}`] = formText(formData, `amount-${s}`);
    if (formData.has(`note-${s}`)) values[`note-${s}`] = formText(formData, `note-${s}`);
  }
  if (!month.success || rawIds.length === 0 || rawIds.length > MAX_ROWS || ids.some((r) => !r.success) || new Set(rawIds).size !== rawIds.length) {
    return failure(STALE_FORM, {}, values);
  }
  const projectIds = ids.map((r) => r.data!);

  const access = await projectAccess(user);
  const facts = await getProjectAccessFacts(access.campaign.id, projectIds);
  const districtIds = [...new Set(facts.map((f) => f.districtId))];
  if (facts.length !== projectIds.length || districtIds.length !== 1) return failure(STALE_FORM, {}, values);
  const districtId = districtIds[0]!;
  const state = await stateOfMonth(access.campaign.id, districtId, month.data);
  await requirePermission("record.edit", { districtId, state, ownerDepartmentIds: access.ownerDepartmentIds });

  const settings = await getPlausibilitySettings();
  const rows: ProgressInput[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const id of projectIds) {
    const amount = parseInvestment(values[`amount-${id}`] ?? "");
    const noteText = values[`note-${id}`];
    const note = noteText === undefined ? undefined : noteSchema.safeParse(noteText);
    if (note && !note.success) fieldErrors[`note-${id}`] = note.error.issues[0]?.message ?? "说明无效";
    if (amount.kind === "missing") {
      if (note?.success && note.data) fieldErrors[`amount-${id}`] = "填了说明，请同时填写本月完成投资";
      continue;
    }
    if (amount.kind === "error") {
      fieldErrors[`amount-${id}`] = amount.message;
      continue;
    }
    const version = optionalVersionSchema.safeParse(formText(formData, `version-${id}`));
    if (!version.success) return failure(STALE_FORM, {}, values);
    rows.push({ projectId: id, expectedVersion: version.data, investment: amount.base, ...(note?.success ? { note: note.data } : {}) });
  }
  const bad = new Set(Object.keys(fieldErrors).map((k) => k.replace(/^\w+-/, ""))).size;
  if (bad > 0) return failure(`有 ${bad} 行填写有误（已在行旁标出），所有数值均未保存`, fieldErrors, values);
  if (rows.length === 0) return failure("没有填写任何数值，未保存", {}, values);

  const result = await upsertMonthProgress(await getDatabase(), { campaignId: access.campaign.id, districtId, month: month.data }, rows, await actorOf(user), settings);
  if (!result.ok) {
    if (result.reason === "not-found") return failure(STALE_FORM, {}, values);
    if (result.reason === "implausible") {
      let hard = 0;
      for (const [projectId, c] of result.issues) {
        const d = describeCheck(c);
        if (d.hard) {
          hard++;
          fieldErrors[`amount-${projectId}`] = d.text;
        } else {
          // A warning, not an error: the row gets a note input (the page shows one for every warn- key).
          fieldErrors[`warn-${projectId}`] = d.text;
        }
      }
      const warned = result.issues.size - hard;
      const message =
        hard > 0
          ? `有 ${hard} 行数值超出合理范围，不能保存${warned > 0 ? `；另有 ${warned} 行需要写明说明` : ""}（已在行旁标出）。所有数值均未保存`
          : `有 ${warned} 行数值需要核实（已在行旁标出）：确认无误请在该行“说明”中写一句原因，再保存。所有数值均未保存`;
      return failure(message, fieldErrors, values);
    }
    for (const [projectId, c] of result.conflicts) {
      fieldErrors[`amount-${projectId}`] = conflictMessage({
        currentText: c.row ? `${formatWan(c.row.investment)} 万元` : "无数值",
        updatedByName: c.updatedByName,
        updatedAt: c.updatedAt || null,
      });
    }
    return failure(`有 ${result.conflicts.size} 个项目已被他人修改（已在行旁标出），所有数值均未保存`, fieldErrors, values);
  }
  revalidateProjects();
  const { changed, flagged } = result.value;
  if (changed === 0) return success("数值没有变化");
  return success(`已保存${monthLabel(month.data)}完成投资：${changed} 个项目有更新${flagged > 0 ? `，其中 ${flagged} 个按说明保存，待专项办核实` : ""}`);
}
