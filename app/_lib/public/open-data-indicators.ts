import "server-only";
import { pace, rateStatus, type PaceStatus } from "@/domain/pace";
import { type PublicArea, type PublicContext, type PublicIndicator } from "./public-data";
import { displayValue, meta, round, type DatasetMeta, type IndicatorValueRow } from "./open-data";

/* The indicator dataset of the open data (/api/v1/indicators.*): the contract is in ./open-data.ts. */

function monthRows(ind: PublicIndicator, area: PublicArea, areaType: "city" | "district", code: string, name: string, nameEn: string, ctx: PublicContext, actionCode: string): IndicatorValueRow[] {
  const rows: IndicatorValueRow[] = [];
  const isRate = ind.aggregation === "ratio";
  const targetRate = area.target != null ? area.target / ind.unit.scale / 100 : null;
  for (let i = 0; i < area.series.length; i++) {
    const published = i + 1 <= area.month;
    const ytd = published ? (area.series[i] ?? null) : null;
    const p = published
      ? isRate
        ? rateStatus(ytd, targetRate, ctx.campaign.paceWarnBp)
        : pace(ytd, area.target, i + 1, ind.cityTarget?.monthlyPlan, ctx.campaign.paceWarnBp)
      : null;
    const status: PaceStatus = p?.status ?? (area.target == null ? "no_target" : "no_data");
    rows.push({
      indicator_code: ind.code,
      indicator_name: ind.name,
      indicator_name_en: ind.nameEn,
      action_code: actionCode,
      unit: isRate ? "%" : ind.unit.symbol,
      aggregation: ind.aggregation,
      area_type: areaType,
      area_code: code,
      area_name: name,
      area_name_en: nameEn,
      month: `${ctx.campaign.year}-${String(i + 1).padStart(2, "0")}`,
      approved: area.approved[i] ?? false,
      month_value: published ? displayValue(ind, area.monthly[i] ?? null) : null,
      ytd_value: displayValue(ind, ytd),
      target: area.target == null ? null : area.target / ind.unit.scale,
      completion_pct: p?.share == null ? null : round(p.share * 100, 1),
      expected_pct: p && p.status !== "no_target" ? round(p.expected * 100, 1) : null,
      pace_status: status,
      corrected: published && area.correctedAt[i] != null,
      corrected_at: published ? (area.correctedAt[i] ?? null) : null,
    });
  }
  return rows;
}

/** Every public indicator × (city + each district) × month 1..as-of. */
export function indicatorRows(ctx: PublicContext): IndicatorValueRow[] {
  const out: IndicatorValueRow[] = [];
  const c = ctx.campaign;
  for (const ind of ctx.indicators) {
    const actionCode = ctx.actions.find((a) => a.id === ind.actionId)?.code ?? "";
    out.push(...monthRows(ind, ind.city, "city", "city", c.cityName, c.cityNameEn, ctx, actionCode));
    for (const d of ctx.districts) {
      const area = ind.districts.get(d.id);
      if (area) out.push(...monthRows(ind, area, "district", d.code, d.name, d.nameEn, ctx, actionCode));
    }
  }
  return out;
}

export interface IndicatorDataset {
  meta: DatasetMeta;
  indicators: {
    code: string;
    name: string;
    name_en: string;
    action_code: string;
    kind: string;
    aggregation: string;
    unit: string;
    unit_en: string;
    decimals: number;
    city_target: number | null;
    is_headline: boolean;
  }[];
  values: IndicatorValueRow[];
}

export function buildIndicatorDataset(ctx: PublicContext): IndicatorDataset {
  return {
    meta: meta(ctx),
    indicators: ctx.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      name_en: i.nameEn,
      action_code: ctx.actions.find((a) => a.id === i.actionId)?.code ?? "",
      kind: i.kind,
      aggregation: i.aggregation,
      unit: i.aggregation === "ratio" ? "%" : i.unit.symbol,
      unit_en: i.aggregation === "ratio" ? "%" : i.unit.symbolEn,
      decimals: i.decimals,
      city_target: i.city.target == null ? null : i.city.target / i.unit.scale,
      is_headline: i.isHeadline,
    })),
    values: indicatorRows(ctx),
  };
}
