"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { INVALID_REQUEST, invalidRequest, isForm, type ActionState } from "@/app/_lib/action-state";
import { readFiguresWorkbook } from "@/app/_lib/excel/figures-sheet";
import { FIGURES_UPLOAD_MAX_BYTES, formatMb } from "@/domain/upload-limits";
import { checkEntry } from "@/domain/figure-entry";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { addMonths } from "@/domain/months";
import { parseInvestment } from "../projects/schemas";
import { blocksSave, checkProjectMonth, describeCheck } from "@/domain/plausibility/projects";
import { checkNote } from "@/domain/text-rules";
import { getDatabase } from "@/db/index";
import { importMonthWorkbook } from "@/db/mutations/month-import";
import type { ProgressInput } from "@/db/mutations/project-progress";
import type { FigureWrite } from "@/db/mutations/reports";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getPlausibilitySettings } from "@/db/queries/plausibility";
import { getProjectMonthFacts, listKeyProjectsForMonth } from "@/db/queries/project-months";
import { getDistrictMonthState, getRecordOwners } from "@/db/queries/reporting";
import { capList, oneUploadAtATime, UploadRefused } from "@/app/_lib/excel/safe-load";
import { loadFigureRows } from "../../../_lib/figures-load";
import { resolveDistrict } from "./scope";
import { confinedDepartmentId } from "@/domain/work-scope";

export interface RowError {
  sheet: string;
  line: number;
  message: string;
}

export interface UploadState extends ActionState {
  rowErrors: RowError[];
}

/** A project month's 说明, as on the progress pages (projects/schemas.ts noteSchema). */
const PROGRESS_NOTE_MAX = 200;
const headerSchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), district: z.string().max(40).optional() });

const NOT_READ = "文件未能导入，未保存任何数据。原因见文件选择框下方。";

function fail(message: string, rowErrors: RowError[] = []): UploadState {
  return { ok: false, message, fieldErrors: {}, values: {}, rowErrors };
}

/**
 * Imports a filled-in month template: every row is checked first (numbers, and the plausibility
 * rules: a warned row needs its 说明, an implausible one is refused); any bad row means nothing
 * is stored. The write transaction checks the project rows again.
 */
export async function uploadFiguresAction(_prev: UploadState, formData: FormData): Promise<UploadState> {
  const user = await requireUser();
  if (!isForm(formData)) return { ...invalidRequest(), rowErrors: [] };
  const header = headerSchema.safeParse({ month: formData.get("month"), district: formData.get("district") || undefined });
  if (!header.success) return fail(INVALID_REQUEST);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ...fail("请选择要上传的文件"), fieldErrors: { file: "请选择从本页下载并填好的 .xlsx 文件" } };
  if (file.size > FIGURES_UPLOAD_MAX_BYTES) return { ...fail("文件过大"), fieldErrors: { file: `文件不能超过 ${formatMb(FIGURES_UPLOAD_MAX_BYTES)}` } };
  const { month } = header.data;
  const campaign = await getCurrentCampaign();
  const district = await resolveDistrict(user, header.data.district);
  if (!campaign || !district) return fail("没有找到要填报的区县或月份");
  const monthState = await getDistrictMonthState(campaign.id, district.id, month);
  const state = monthState?.state ?? "locked";
  const ownerDepartment = confinedDepartmentId(user);
  const rows = await loadFigureRows(campaign.id, district.id, month, ownerDepartment);
  const ownerDepartmentIds = [...new Set(rows.map((r) => r.indicator.ownerDepartmentId).filter((x): x is number => x != null))];
  await requirePermission("report.edit", { districtId: district.id, state, ownerDepartmentIds });

  const buffer = await file.arrayBuffer();
  let parsed: Awaited<ReturnType<typeof readFiguresWorkbook>>;
  try {
    parsed = await oneUploadAtATime(`user:${user.id}`, () => readFiguresWorkbook(buffer));
  } catch (e) {
    if (!(e instanceof UploadRefused)) throw e;
    return { ...fail(NOT_READ), fieldErrors: { file: e.message } };
  }
  // The reason is shown once, next to the file field; the summary above says nothing was saved.
  if ("error" in parsed) return { ...fail(NOT_READ), fieldErrors: { file: parsed.error } };
  const errors: RowError[] = [];
  const settings = await getPlausibilitySettings();
  const byCode = new Map(rows.map((r) => [r.indicator.code, r]));
  const seen = new Set<string>();
  const figures: FigureWrite[] = [];
  for (const line of parsed.figures) {
    const row = byCode.get(line.code);
    if (!row) {
      errors.push({ sheet: "月度指标", line: line.line, message: `指标代码“${line.code}”不在本表中` });
      continue;
    }
    if (seen.has(line.code)) {
      errors.push({ sheet: "月度指标", line: line.line, message: `指标“${row.indicator.name}”重复出现` });
      continue;
    }
    seen.add(line.code);
    const r = checkEntry(row.indicator, line, row.context, settings);
    if (r.kind === "error") {
      errors.push({ sheet: "月度指标", line: line.line, message: `${row.indicator.name}：${r.message}` });
      continue;
    }
    figures.push({
      indicatorId: row.indicator.id,
      expectedVersion: row.current?.version ?? 0,
      value: r.kind === "value" ? r.value : null,
      numerator: r.kind === "ratio" ? r.numerator : null,
      denominator: r.kind === "ratio" ? r.denominator : null,
      note: r.note,
      flags: r.kind === "value" || r.kind === "ratio" ? r.flags : undefined,
      noData: r.kind === "noData",
    });
  }

  const progress: ProgressInput[] = [];
  const lineOf = new Map<number, number>();
  const progressLines = parsed.progress.filter((l) => l.amount.trim() !== "" || l.note.trim() !== "");
  if (progressLines.length > 0) {
    const owners = await getRecordOwners(campaign.id);
    await requirePermission("record.edit", { districtId: district.id, state, ownerDepartmentIds: owners.projects });
    const projects = await listKeyProjectsForMonth({ campaignId: campaign.id, districtIds: [district.id] }, district.id, month, addMonths(month, -1));
    const byProject = new Map(projects.map((p) => [p.code, p]));
    const seenProjects = new Set<string>();
    const changed: { line: number; name: string; row: ProgressInput }[] = [];
    for (const line of progressLines) {
      const p = byProject.get(line.code);
      if (!p) {
        errors.push({ sheet: "项目进度", line: line.line, message: `项目代码“${line.code}”不是${district.name}的重点项目` });
        continue;
      }
      if (seenProjects.has(line.code)) {
        errors.push({ sheet: "项目进度", line: line.line, message: `项目“${p.name}”重复出现` });
        continue;
      }
      seenProjects.add(line.code);
      const amount = parseInvestment(line.amount ?? "");
      if (amount.kind === "error") {
        errors.push({ sheet: "项目进度", line: line.line, message: `${p.name}：${amount.message}` });
        continue;
      }
      if (amount.kind === "missing") {
        errors.push({ sheet: "项目进度", line: line.line, message: `${p.name}：填了说明但没有填本月完成投资` });
        continue;
      }
      const checkedNote = checkNote(line.note, "说明", PROGRESS_NOTE_MAX);
      if (!checkedNote.ok) {
        errors.push({ sheet: "项目进度", line: line.line, message: `${p.name}：${checkedNote.message}` });
        continue;
      }
      const note = checkedNote.note;
      const row = { projectId: p.id, expectedVersion: p.entryVersion, investment: amount.base, note };
      progress.push(row);
      lineOf.set(p.id, line.line);
      if (p.entryInvestment !== amount.base || p.entryNote !== note) changed.push({ line: line.line, name: p.name, row });
    }
    // The rules judge changed rows only (the template comes back with the stored values), as the save does.
    const facts = await getProjectMonthFacts(changed.map((c) => c.row.projectId), month);
    for (const c of changed) {
      const check = checkProjectMonth(c.row.investment, facts.get(c.row.projectId)!, settings);
      if (blocksSave(check, c.row.note)) errors.push({ sheet: "项目进度", line: c.line, message: `${c.name}：${describeCheck(check).text}` });
    }
  }
  errors.sort((a, b) => (a.sheet === b.sheet ? a.line - b.line : a.sheet === "月度指标" ? -1 : 1));
  if (errors.length > 0) return fail(`文件中有 ${errors.length} 处错误，未保存任何数据。请改正后重新上传。`, capList(errors, 200, (rest) => ({ sheet: "", line: 0, message: `另有 ${rest} 处错误未列出，请先改正以上各处` })));

  const outcome = await importMonthWorkbook(await getDatabase(), {
    campaignId: campaign.id,
    periodId: monthState!.periodId,
    districtId: district.id,
    month,
    figures,
    progress,
    actor: await actorOf(user),
    settings,
  });
  if (!outcome.ok) {
    if (outcome.reason === "figures" && outcome.outcome.reason === "state") return fail("本月报表当前不能修改，未保存任何数据");
    if (outcome.reason === "progress" && outcome.outcome.reason === "implausible") {
      const rowErrors = [...outcome.outcome.issues].map(([id, c]) => ({ sheet: "项目进度", line: lineOf.get(id) ?? 0, message: describeCheck(c).text }));
      return fail(`文件中有 ${rowErrors.length} 处错误，未保存任何数据。请改正后重新上传。`, rowErrors);
    }
    return fail("上传期间有数据被他人修改，未保存任何数据。请重新下载模板后再试。");
  }
  revalidatePath("/district/figures");
  revalidatePath("/district");
  return { ok: true, message: `已导入：更新指标 ${outcome.value.figuresChanged} 项、项目进度 ${outcome.value.progressChanged} 项`, fieldErrors: {}, values: {}, rowErrors: [] };
}
