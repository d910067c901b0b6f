"use server";

import { revalidatePath } from "next/cache";
import { invalidRequest, isForm, type ActionState } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { replaceDistrictBoundaries } from "@/db/mutations/boundaries";
import { listDistrictKeys } from "@/db/queries/map";
import { BOUNDARY_MAX_BYTES, matchBoundaries, parseBoundaryGeoJson } from "@/domain/map/geojson";
import { nameSchema } from "@/domain/text-rules";
import { actorOf } from "../_lib/outcome";
import { formText } from "@/app/_lib/form-parse";

export interface BoundaryUploadState extends ActionState {
  /** What is wrong with the file: every problem found, nothing stored. */
  problems: string[];
  /** After a successful upload: districts without a boundary (allowed, drawn as missing). */
  missing: string[];
}

const sourceSchema = nameSchema("边界来源和许可", 300);

function fail(message: string, problems: string[] = [], fieldErrors: Record<string, string> = {}, values: Record<string, string> = {}): BoundaryUploadState {
  return { ok: false, message, fieldErrors, values, problems, missing: [] };
}

/**
 * Replaces the city's district boundaries with an uploaded GeoJSON FeatureCollection. The file is
 * checked whole first (size before reading, then JSON, geometry, and a district for every
 * feature): one problem and nothing is stored; the old boundaries stay.
 */
export async function uploadBoundariesAction(_prev: BoundaryUploadState, formData: FormData): Promise<BoundaryUploadState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return { ...invalidRequest(), problems: [], missing: [] };
  const values = { source: formText(formData, "source") };
  const source = sourceSchema.safeParse(values.source);
  const file = formData.get("file");
  const fieldErrors: Record<string, string> = {};
  if (!source.success) fieldErrors.source = source.error.issues[0]?.message ?? "请填写边界来源和许可";
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = "请选择 GeoJSON 文件（.geojson 或 .json）";
  else if (file.size > BOUNDARY_MAX_BYTES) fieldErrors.file = `文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），不能超过 ${BOUNDARY_MAX_BYTES / 1024 / 1024} MB：请先简化边界后再上传`;
  if (Object.keys(fieldErrors).length > 0 || !(file instanceof File) || !source.success) return fail("请检查标出的字段，未保存任何内容", [], fieldErrors, values);

  const parsed = parseBoundaryGeoJson(await file.text());
  if (!parsed.ok) return fail(`文件有 ${parsed.errors.length} 处问题，未保存任何边界。`, parsed.errors, { file: parsed.errors[0]! }, values);
  const districts = await listDistrictKeys();
  const match = matchBoundaries(parsed.features, districts);
  if (match.errors.length > 0) return fail(`有 ${match.errors.length} 个要素对应不到区县，未保存任何边界。`, match.errors, { file: match.errors[0]! }, values);

  const result = await replaceDistrictBoundaries(
    await getDatabase(),
    match.matched.map((m) => ({ districtId: m.district.id, districtCode: m.district.code, coordinates: m.feature.coordinates })),
    source.data,
    formText(formData, "stamp"),
    await actorOf(admin),
  );
  if (!result.ok) return fail("打开本页后边界已被他人更新，未保存任何内容。请刷新页面后重新上传。", [], {}, values);
  revalidatePath("/city", "layout");
  revalidatePublic();
  const missing = match.missing.filter((d) => d.reports).map((d) => d.name);
  return {
    ok: true,
    message: `已导入 ${result.value.loaded} 个区县的边界${result.value.replaced > 0 ? `（替换原有 ${result.value.replaced} 个）` : ""}。${missing.length > 0 ? `${missing.length} 个参加月报的区县没有边界，地图上将注明。` : "所有参加月报的区县都有边界。"}`,
    fieldErrors: {},
    values,
    problems: [],
    missing,
  };
}
