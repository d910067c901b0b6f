"use server";

import { revalidatePath } from "next/cache";
import { checkProjectLines, readProjectsWorkbook } from "@/app/_lib/excel/projects-import";
import { formatMb, PROJECTS_UPLOAD_MAX_BYTES } from "@/domain/upload-limits";
import { capList, oneUploadAtATime, UploadRefused } from "@/app/_lib/excel/safe-load";
import { INVALID_REQUEST, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { KEY_LEVEL_LABELS, STAGE_LABELS, type ProjectStage } from "@/domain/project-register";
import { revalidatePublic } from "@/app/_lib/revalidate";
import type { ProjectKeyLevel } from "@/domain/codes";
import { getDatabase } from "@/db/index";
import { importProjects, type ImportedField } from "@/db/mutations/setup/projects";
import { getCampaignForSetup, listActionsForSetup } from "@/db/queries/setup/campaigns";
import { listDistrictsForSetup, listSectorsForSetup } from "@/db/queries/setup/reference";
import { FIELD_LABELS_PROJECT } from "../../../_lib/labels";
import { actorOf, ARCHIVED, GONE } from "../../../_lib/outcome";
import type { ImportState } from "./import-state";
import { formText, idSchema } from "@/app/_lib/form-parse";
import { baseToDisplayExact } from "@/domain/format";


function fail(message: string, rowErrors: ImportState["rowErrors"] = [], fieldErrors: Record<string, string> = {}): ImportState {
  return { ok: false, message, fieldErrors, values: {}, rowErrors, summary: null };
}

/**
 * Imports the city's key-project list: every row is checked first and nothing is stored unless
 * all are valid; projects are matched by code (updated, not duplicated) and the result says
 * what was created, what changed (field by field) and what stayed the same.
 */
export async function importProjectsAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return { ...invalidRequest(), rowErrors: [], summary: null };
  const id = idSchema.safeParse(formText(formData, "campaignId"));
  if (!id.success) return fail(INVALID_REQUEST);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("请选择要上传的文件", [], { file: "请选择 .xlsx 格式的项目清单" });
  if (file.size > PROJECTS_UPLOAD_MAX_BYTES) return fail("文件过大", [], { file: `文件不能超过 ${formatMb(PROJECTS_UPLOAD_MAX_BYTES)}` });
  const campaign = await getCampaignForSetup(id.data);
  if (!campaign) return fail(GONE);
  if (campaign.status === "archived") return fail(ARCHIVED);

  const buffer = await file.arrayBuffer();
  let read: Awaited<ReturnType<typeof readProjectsWorkbook>>;
  try {
    read = await oneUploadAtATime(`user:${admin.id}`, () => readProjectsWorkbook(buffer));
  } catch (e) {
    if (!(e instanceof UploadRefused)) throw e;
    return fail(e.message, [], { file: e.message });
  }
  if ("error" in read) return fail(read.error, [], { file: read.error });
  if (read.lines.length === 0) return fail("文件中没有项目行", [], { file: "文件中没有项目行" });
  const [districts, sectors, actions] = await Promise.all([listDistrictsForSetup(), listSectorsForSetup(), listActionsForSetup(campaign.id)]);
  const checked = checkProjectLines(read, { districts, sectors, actions });
  if (checked.errors.length > 0) return fail(`文件中有 ${checked.errors.length} 行有错误，未保存任何数据。请改正后重新上传。`, capList(checked.errors, 200, (rest) => ({ line: 0, message: `另有 ${rest} 行有问题未列出，请先改正以上各行` })));

  const result = await importProjects(await getDatabase(), campaign.id, checked.rows, await actorOf(admin));
  if (!result.ok) {
    if (result.reason === "rows") return fail(`文件中有 ${result.errors.length} 行不能导入，未保存任何数据。`, capList(result.errors, 200, (rest) => ({ line: 0, message: `另有 ${rest} 行有问题未列出，请先改正以上各行` })));
    return fail(result.reason === "archived" ? ARCHIVED : GONE);
  }
  const nameOf = (list: { id: number; name: string }[], v: unknown) => (v == null ? "（空）" : (list.find((x) => x.id === v)?.name ?? String(v)));
  const show = (field: ImportedField, v: string | number | null): string => {
    if (field === "districtId") return nameOf(districts, v);
    if (field === "sectorId") return nameOf(sectors, v);
    if (field === "actionId") return nameOf(actions, v);
    if (field === "stage") return v == null ? "（空）" : (STAGE_LABELS[v as ProjectStage] ?? String(v));
    if (field === "keyLevel") return v == null ? "（空）" : (KEY_LEVEL_LABELS[v as ProjectKeyLevel] ?? String(v));
    if (field === "totalInvestment" || field === "annualPlannedInvestment") return v == null ? "（空）" : `${baseToDisplayExact(Number(v), 10000)} 亿元`;
    return v == null || v === "" ? "（空）" : String(v);
  };
  const s = result.value;
  revalidatePath(`/city/setup/campaigns/${campaign.id}`, "layout");
  revalidatePath("/city", "layout");
  revalidatePath("/district", "layout");
  revalidatePublic();
  return {
    ok: true,
    message: `导入完成：新增 ${s.created} 个，更新 ${s.updated.length} 个，未变 ${s.unchanged} 个。`,
    fieldErrors: {},
    values: {},
    rowErrors: [],
    summary: {
      created: s.created,
      unchanged: s.unchanged,
      updated: s.updated.map((u) => ({ code: u.code, name: u.name, changes: u.changes.map((c) => ({ label: FIELD_LABELS_PROJECT[c.field], before: show(c.field, c.before), after: show(c.field, c.after) })) })),
    },
  };
}
