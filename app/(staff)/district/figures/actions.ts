"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { INVALID_REQUEST, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { requireAllowed, requireUser } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { monthLabel } from "@/domain/months";
import { getDatabase } from "@/db/index";
import { saveFigureValues } from "@/db/mutations/reports";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getPlausibilitySettings, listMonthFlags } from "@/db/queries/plausibility";
import { getDistrictMonthState } from "@/db/queries/reporting";
import { checkFiguresForm, fillSameAsLastMonth, markSectionNoData } from "./check-form";
import { fieldNames, FORM_NOTE, storedFormValues } from "./form-values";
import { toSavedRows } from "./form-rows";
import type { SavedRow } from "./figures-row";
import { loadEntryRows } from "../../../_lib/figures-load";
import { resolveDistrict } from "./scope";
import { confinedDepartmentId } from "@/domain/work-scope";
import { formatWithUnit } from "@/domain/format";

const headerSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  // "nodata:<section>" marks the section's blank indicators 本月无数据, "same:<indicator>" and
  // "samesec:<section>" fill last month's values (同上月); they save nothing and work without JavaScript.
  intent: z.union([z.enum(["save", "submit"]), z.string().regex(/^(nodata|samesec):[a-z0-9_-]{1,60}$|^same:[1-9][0-9]{0,9}$/)]),
  district: z.string().max(40).optional(),
});

const text = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : "";
};

/** The figures form's state: a draft save also carries what it stored in each row. */
export type FiguresState = ActionState & { saved?: SavedRow[] };

export async function saveFiguresAction(_prev: FiguresState, formData: FormData): Promise<FiguresState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const header = headerSchema.safeParse({ month: text(formData, "month"), intent: text(formData, "intent") || "save", district: text(formData, "district") || undefined });
  if (!header.success) return { ok: false, message: INVALID_REQUEST, fieldErrors: {}, values: {} };
  const { month, intent } = header.data;
  const campaign = await getCurrentCampaign();
  const district = await resolveDistrict(user, header.data.district);
  if (!campaign || !district) return { ok: false, message: "没有找到要填报的区县或月份", fieldErrors: {}, values: {} };
  const monthState = await getDistrictMonthState(campaign.id, district.id, month);
  const state = monthState?.state ?? "locked";
  const ownerDepartment = confinedDepartmentId(user);
  const rows = await loadEntryRows(campaign.id, district.id, month, ownerDepartment);
  const ownerDepartmentIds = [...new Set(rows.map((r) => r.indicator.ownerDepartmentId).filter((x): x is number => x != null))];
  await requireAllowed(user, intent === "submit" ? "report.submit" : "report.edit", { districtId: district.id, state, ownerDepartmentIds });

  // What was posted, every row's 本月无数据 box stated explicitly (an unticked box posts nothing).
  // Never cut here: a note over its limit is refused by checkEntry with both lengths.
  const values: Record<string, string> = { [FORM_NOTE]: text(formData, FORM_NOTE) };
  for (const row of rows) {
    const f = fieldNames(row.indicator.id);
    for (const key of [f.m, f.c, f.n, f.d, f.note, f.ver]) if (formData.has(key)) values[key] = text(formData, key);
    values[f.noData] = formData.has(f.noData) ? "1" : "";
  }
  if (intent.startsWith("nodata:")) {
    const marked = markSectionNoData(rows, values, intent.slice("nodata:".length));
    if (!marked) return { ok: false, message: INVALID_REQUEST, fieldErrors: {}, values };
    const message =
      marked.count > 0
        ? `已将“${marked.sectionName}”中 ${marked.count} 项未填的指标勾选为“本月无数据”。请在各项“说明”中写明原因，再保存（尚未保存）`
        : `“${marked.sectionName}”中没有未填的指标`;
    return { ok: true, message, fieldErrors: {}, values };
  }

  if (intent.startsWith("same")) {
    const [kind, arg] = intent.split(":") as [string, string];
    const filled = fillSameAsLastMonth(rows, values, kind === "same" ? { indicatorId: Number(arg) } : { sectionCode: arg });
    if (!filled) return { ok: false, message: INVALID_REQUEST, fieldErrors: {}, values };
    const message =
      kind === "same"
        ? `已按上月填入“${filled.label}”，核对后请保存（尚未保存）`
        : filled.count > 0
          ? `已将“${filled.label}”中 ${filled.count} 项未填的存量指标按上月填入，核对后请保存（尚未保存）`
          : `“${filled.label}”中没有未填的存量指标`;
    return { ok: true, message, fieldErrors: {}, values };
  }

  const { fieldErrors, writes } = checkFiguresForm(rows, values, intent === "submit", await getPlausibilitySettings());
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, message: `有 ${Object.keys(fieldErrors).length} 项需要修改，未保存任何数据`, fieldErrors, values };
  }
  const outcome = await saveFigureValues(await getDatabase(), {
    periodId: monthState!.periodId,
    districtId: district.id,
    rows: writes,
    submit: intent === "submit",
    allowSubmitted: user.role === "city_admin",
    actor: await actorOf(user),
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
  // After a save the form shows what is stored now, with the new versions: as the save's own
  // transaction read it (no second load of the month's rows and history).
  const stored = new Map(outcome.value.stored.map((s) => [s.indicatorId, s]));
  const fresh = rows.map((r) => ({ ...r, current: stored.get(r.indicator.id) ?? null }));
  const flags = await listMonthFlags({ campaignId: campaign.id, month, districtId: district.id, unresolvedOnly: true });
  const storedValues = storedFormValues(fresh, flags);
  if (intent === "submit") {
    // A submitted month turns read-only: the page is rendered again into the reply.
    revalidatePath("/district/figures");
    revalidatePath("/district");
    return { ok: true, message: `已报送${monthLabel(month)}报表，等待专项办审核`, fieldErrors: {}, values: storedValues };
  }
  // A draft stays a draft: the reply is the form's state alone, with what the save stored in each
  // row (the cumulative, the saved reminders), instead of the page rendered again (issue #17).
  // Other pages read the database when next opened (no client cache of dynamic pages).
  const message = outcome.value.changed > 0 ? `已保存草稿（更新 ${outcome.value.changed} 项）` : "没有需要保存的修改";
  return { ok: true, message, fieldErrors: {}, values: storedValues, saved: toSavedRows(fresh, flags.filter((f) => f.subject === "figure")) };
}
