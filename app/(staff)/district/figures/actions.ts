"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState } from "@/app/_lib/action-state";
import { conflictMessage } from "@/app/_lib/conflict";
import { checkEntry } from "@/app/_lib/figure-entry";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { monthLabel } from "@/app/_lib/months";
import { baseToDisplayExact, formatWithUnit } from "@/app/_lib/numbers";
import { clientAddress } from "@/app/_lib/request-info";
import { getDatabase } from "@/db/index";
import { saveFigureValues, type FigureWrite } from "@/db/mutations/reports";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getDistrictMonthState } from "@/db/queries/reporting";
import { loadFigureRows } from "./load";
import { resolveDistrict } from "./scope";

const headerSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  intent: z.enum(["save", "submit"]),
  district: z.string().max(40).optional(),
});

const text = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : "";
};

export async function saveFiguresAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const header = headerSchema.safeParse({ month: text(formData, "month"), intent: text(formData, "intent") || "save", district: text(formData, "district") || undefined });
  if (!header.success) return { ok: false, message: "请求无效，请刷新页面后重试", fieldErrors: {}, values: {} };
  const { month, intent } = header.data;
  const campaign = await getCurrentCampaign();
  const district = await resolveDistrict(user, header.data.district);
  if (!campaign || !district) return { ok: false, message: "没有找到要填报的区县或月份", fieldErrors: {}, values: {} };
  const monthState = await getDistrictMonthState(campaign.id, district.id, month);
  const state = monthState?.state ?? "locked";
  const ownerDepartment = user.role === "department_editor" ? (user.departmentId ?? -1) : undefined;
  const rows = await loadFigureRows(campaign.id, district.id, month, ownerDepartment);
  const ownerDepartmentIds = [...new Set(rows.map((r) => r.indicator.ownerDepartmentId).filter((x): x is number => x != null))];
  await requirePermission(intent === "submit" ? "report.submit" : "report.edit", { districtId: district.id, state, ownerDepartmentIds });

  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && /^(m|c|n|d|note|ver)_\d+$/.test(k)) values[k] = v;
  const fieldErrors: Record<string, string> = {};
  const writes: FigureWrite[] = [];
  for (const row of rows) {
    const id = row.indicator.id;
    const result = checkEntry(row.indicator, { month: values[`m_${id}`], cumulative: values[`c_${id}`], numerator: values[`n_${id}`], denominator: values[`d_${id}`], note: values[`note_${id}`] }, row.context);
    if (result.kind === "error") {
      fieldErrors[`${{ month: "m", cumulative: "c", numerator: "n", denominator: "d", note: "note" }[result.field]}_${id}`] = result.message;
      continue;
    }
    if (result.kind === "missing" && intent === "submit" && !result.note) {
      fieldErrors[`${row.indicator.aggregation === "ratio" ? "n" : "m"}_${id}`] = "报送前请填写本项；如确无数据，请在“说明”中写明原因";
      continue;
    }
    const expectedVersion = Number(values[`ver_${id}`] ?? "0");
    writes.push({
      indicatorId: id,
      expectedVersion: Number.isInteger(expectedVersion) && expectedVersion >= 0 ? expectedVersion : -1,
      value: result.kind === "value" ? result.value : null,
      numerator: result.kind === "ratio" ? result.numerator : null,
      denominator: result.kind === "ratio" ? result.denominator : null,
      note: result.note,
    });
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, message: `有 ${Object.keys(fieldErrors).length} 项需要修改，未保存任何数据`, fieldErrors, values };
  }
  const outcome = await saveFigureValues(await getDatabase(), {
    periodId: monthState!.periodId,
    districtId: district.id,
    rows: writes,
    submit: intent === "submit",
    allowSubmitted: user.role === "city_admin",
    actor: { id: user.id, name: user.username, clientAddress: await clientAddress() },
  });
  if (!outcome.ok && outcome.reason === "state") {
    return { ok: false, message: `${monthLabel(month)}的报表当前不能修改（${outcome.status === "locked" ? "已锁定" : outcome.status === "submitted" ? "已报送，待审核" : "已审核"}），未保存任何数据`, fieldErrors: {}, values };
  }
  if (!outcome.ok) {
    for (const c of outcome.conflicts) {
      const row = rows.find((r) => r.indicator.id === c.indicatorId)!;
      const currentText =
        row.indicator.aggregation === "ratio"
          ? `${c.numerator ?? "空"} / ${c.denominator ?? "空"}`
          : c.value == null
            ? "空"
            : formatWithUnit(c.value, row.indicator.unit, Math.round(Math.log10(row.indicator.unit.scale)));
      fieldErrors[`${row.indicator.aggregation === "ratio" ? "n" : "m"}_${c.indicatorId}`] = conflictMessage({ currentText, updatedByName: c.updatedByName, updatedAt: c.updatedAt });
    }
    return { ok: false, message: "有数据已被他人修改，未保存任何数据。请核对标出的项目后重新保存。", fieldErrors, values };
  }
  revalidatePath("/district/figures");
  revalidatePath("/district");
  // After a save the form shows what is stored now, with the new versions.
  const fresh = await loadFigureRows(campaign.id, district.id, month, ownerDepartment);
  const stored: Record<string, string> = {};
  for (const r of fresh) {
    const id = r.indicator.id;
    stored[`ver_${id}`] = String(r.current?.version ?? 0);
    stored[`note_${id}`] = r.current?.note ?? "";
    if (r.indicator.aggregation === "ratio") {
      const part = r.indicator.partUnit ?? r.indicator.unit;
      stored[`n_${id}`] = r.current?.numerator == null ? "" : baseToDisplayExact(r.current.numerator, part.scale);
      stored[`d_${id}`] = r.current?.denominator == null ? "" : baseToDisplayExact(r.current.denominator, part.scale);
    } else {
      stored[`m_${id}`] = r.current?.value == null ? "" : baseToDisplayExact(r.current.value, r.indicator.unit.scale);
    }
  }
  const message = intent === "submit" ? `已报送${monthLabel(month)}报表，等待专项办审核` : outcome.changed > 0 ? `已保存草稿（更新 ${outcome.changed} 项）` : "没有需要保存的修改";
  return { ok: true, message, fieldErrors: {}, values: stored };
}
