"use server";

import { revalidatePath } from "next/cache";
import { INVALID_REQUEST, invalidRequest, isForm, type ActionState } from "@/app/_lib/action-state";
import { capList, oneUploadAtATime, UploadRefused } from "@/app/_lib/excel/safe-load";
import { readTargetsWorkbook } from "@/app/_lib/excel/targets-sheet";
import { formatMb, TARGETS_UPLOAD_MAX_BYTES } from "@/domain/upload-limits";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { importTargets, type TargetImportItem } from "@/db/mutations/setup/targets";
import { getCampaignForSetup } from "@/db/queries/setup/campaigns";
import { actorOf, ARCHIVED, GONE } from "../../../_lib/outcome";
import { loadCampaignTargets, targetDistricts } from "../../../_lib/target-load";
import { checkTargets } from "../../../_lib/targets";
import { formText, idSchema } from "@/app/_lib/form-parse";

export interface UploadState extends ActionState {
  rowErrors: { line: number; message: string }[];
}


function fail(message: string, rowErrors: UploadState["rowErrors"] = [], fieldErrors: Record<string, string> = {}): UploadState {
  return { ok: false, message, fieldErrors, values: {}, rowErrors };
}

/** Imports a filled-in targets sheet: every row is checked first; one bad row means nothing is stored. */
export async function uploadTargetsAction(_prev: UploadState, formData: FormData): Promise<UploadState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return { ...invalidRequest(), rowErrors: [] };
  const id = idSchema.safeParse(formText(formData, "campaignId"));
  if (!id.success) return fail(INVALID_REQUEST);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("请选择要上传的文件", [], { file: "请选择从本页下载并填好的 .xlsx 文件" });
  if (file.size > TARGETS_UPLOAD_MAX_BYTES) return fail("文件过大", [], { file: `文件不能超过 ${formatMb(TARGETS_UPLOAD_MAX_BYTES)}` });
  const campaign = await getCampaignForSetup(id.data);
  if (!campaign) return fail(GONE);
  if (campaign.status === "archived") return fail(ARCHIVED);

  const districts = await targetDistricts();
  const buffer = await file.arrayBuffer();
  let read: Awaited<ReturnType<typeof readTargetsWorkbook>>;
  try {
    read = await oneUploadAtATime(`user:${admin.id}`, () => readTargetsWorkbook(buffer, districts));
  } catch (e) {
    if (!(e instanceof UploadRefused)) throw e;
    return fail(e.message, [], { file: e.message });
  }
  if ("error" in read) return fail(read.error, [], { file: read.error });
  const current = await loadCampaignTargets(campaign.id, campaign.year);
  const byCode = new Map(current.map((r) => [r.indicator.code, r]));
  const seen = new Map<string, number>();
  const errors: UploadState["rowErrors"] = [];
  const items: TargetImportItem[] = [];
  for (const line of read.lines) {
    const row = byCode.get(line.code);
    if (!row) {
      errors.push({ line: line.line, message: `指标代码“${line.code}”不是本专项的指标` });
      continue;
    }
    if (seen.has(line.code)) {
      errors.push({ line: line.line, message: `指标“${row.indicator.name}”与第 ${seen.get(line.code)} 行重复` });
      continue;
    }
    seen.set(line.code, line.line);
    const ind = row.indicator;
    const present = districts.filter((d) => d.id in line.districts);
    const checked = checkTargets(
      { name: ind.name, aggregation: ind.aggregation, unit: { code: ind.unitCode, symbol: ind.unitSymbol, scale: ind.unitScale }, decimals: ind.decimals },
      present,
      { target: line.target, baseline: line.baseline, growth: line.growth, multiple: line.multiple, districts: line.districts, breakdownNote: line.breakdownNote },
    );
    if (!checked.ok) {
      errors.push({ line: line.line, message: `${ind.name}：${Object.values(checked.errors).join("；")}` });
      continue;
    }
    if (line.stamp !== row.targets.stamp) {
      errors.push({ line: line.line, message: `${ind.name}：下载模板后该指标的目标已被修改，请重新下载模板再填写` });
      continue;
    }
    items.push({ indicatorId: ind.id, stamp: line.stamp, values: checked.value });
  }
  if (errors.length > 0) return fail(`文件中有 ${errors.length} 行有错误，未保存任何数据。请改正后重新上传。`, capList(errors, 200, (rest) => ({ line: 0, message: `另有 ${rest} 行有问题未列出，请先改正以上各行` })));
  if (items.length === 0) return fail("文件中没有指标行");

  const result = await importTargets(await getDatabase(), campaign.id, items, await actorOf(admin));
  if (!result.ok) {
    if (result.reason === "stale") return fail("上传期间有目标被他人修改，未保存任何数据。请重新下载模板后再试。");
    return fail(result.reason === "archived" ? ARCHIVED : GONE);
  }
  revalidatePath(`/city/setup/campaigns/${campaign.id}`, "layout");
  revalidatePath("/city", "layout");
  revalidatePublic();
  return { ok: true, message: `已导入 ${items.length} 个指标的目标，其中 ${result.value.changed} 个有变化`, fieldErrors: {}, values: {}, rowErrors: [] };
}
