import "server-only";
import { cache } from "react";
import { getCampaignRollups } from "@/app/_lib/city-data";
import { monthNumber } from "@/domain/months";
import { type PaceResult } from "@/domain/pace";
import type { CityTarget } from "@/domain/rollup";
import { getAsOfMonth } from "@/db/queries/rollups";
import { listCorrectedMonthTotals, listProjectCorrectionEvents, listPublicFigureCorrections } from "@/db/queries/corrections";
import { getLastApprovalAt, getPublicCampaign, listOfficialMonths, listPublicActions, listPublicDistricts, listPublicIndicatorFacts, type PublicAction, type PublicCampaign, type PublicDistrict } from "@/db/queries/public";
import { correctedThrough, indicatorCorrections, type PublicCorrection } from "./corrections-data";
import { publicArea } from "./public-area";

/*
 * What every public page and the open-data API show, computed once per request (or per cached
 * render): the campaign, the as-of month, and every PUBLIC indicator rolled up in "official"
 * mode (official district-months, their approved copies). Pages and /api/v1 both read from here,
 * so they show the same numbers, and the same corrections of approved months. Nothing unofficial
 * or non-public enters this structure.
 */

export interface PublicUnit {
  code: string;
  symbol: string;
  symbolEn: string;
  /** The unit amounts are stored in (万元 for 亿元). */
  baseSymbol: string;
  scale: number;
}

/** A district's or the city's published value of an indicator. */
export interface PublicArea {
  /** Year-to-date through `month` (base units; ratios: the rate as a fraction). */
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  pace: PaceResult;
  /** The month (1..12) the figure runs to: the area's latest official month (0: none). */
  month: number;
  /** By month 1..M: cumulative (ratios: the rate), null where nothing is published. */
  series: (number | null)[];
  /** By month 1..M: the value of that month alone, null where the month is not official. */
  monthly: (number | null)[];
  /** By month 1..M: whether that month is official (city: every district official). */
  approved: boolean[];
  /**
   * By month 1..M: when the latest correction of an approved month that the figure to that month
   * includes was approved (ISO), or null: the "已更正" mark.
   */
  correctedAt: (string | null)[];
}

export interface PublicIndicator {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  description: string;
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  unit: PublicUnit;
  decimals: number;
  isHeadline: boolean;
  actionId: number;
  topActionId: number;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  sourceNote: string;
  cityTarget: CityTarget | null;
  city: PublicArea & { growth: number | null; multiple: number | null; districtsReporting: number };
  districts: Map<number, PublicArea>;
  /** Every approved correction of a district-month of this indicator, oldest first. */
  corrections: PublicCorrection[];
}

export interface PublicContext {
  campaign: PublicCampaign;
  /** The "数据截至" month, or null when nothing is official yet. */
  asOf: { month: string; approved: number; total: number } | null;
  /** The month figures run to (the as-of month, or January when nothing is approved). */
  month: string;
  lastApprovalAt: string | null;
  districts: PublicDistrict[];
  /** Each district's latest official month number this year (0: none). */
  approvedThrough: Map<number, number>;
  actions: PublicAction[];
  topActions: PublicAction[];
  indicators: PublicIndicator[];
}

/** Everything the public pages show, once per request; null when no campaign exists. */
export const getPublicContext = cache(async (): Promise<PublicContext | null> => {
  const campaign = await getPublicCampaign();
  if (!campaign) return null;
  const [asOf, lastApprovalAt, districts, actions, facts, officialRows, figureFixes, projectFixes, fixedTotals] = await Promise.all([
    getAsOfMonth(campaign.id),
    getLastApprovalAt(campaign.id),
    listPublicDistricts(),
    listPublicActions(campaign.id),
    listPublicIndicatorFacts(campaign.id),
    listOfficialMonths(campaign.id),
    listPublicFigureCorrections(campaign.id),
    listProjectCorrectionEvents(campaign.id),
    listCorrectedMonthTotals(campaign.id),
  ]);
  const month = asOf?.month ?? `${campaign.year}-01`;
  const m = monthNumber(month);
  const warnBp = campaign.paceWarnBp;
  const rollups = await getCampaignRollups(campaign.id, month, "official", warnBp);
  const factsById = new Map(facts.map((f) => [f.id, f]));

  const approvedOf = new Map<number, boolean[]>(districts.map((d) => [d.id, new Array<boolean>(m).fill(false)]));
  for (const r of officialRows) {
    if (!r.month.startsWith(`${campaign.year}-`)) continue;
    const i = monthNumber(r.month) - 1;
    const list = approvedOf.get(r.districtId);
    if (list && i < m) list[i] = true;
  }
  const cityApproved = Array.from({ length: m }, (_, i) => districts.length > 0 && districts.every((d) => approvedOf.get(d.id)![i]));
  // The city figure runs to the as-of month even while some districts are still under review
  // (it then adds up the approved districts only); `approved` says whether every district is in.
  const cityRunsTo = new Array<boolean>(m).fill(asOf != null);

  const publicInds = rollups.indicators.filter((ind) => ind.isPublic && factsById.has(ind.id));
  const fixes = indicatorCorrections(publicInds, figureFixes, projectFixes, fixedTotals);

  const indicators: PublicIndicator[] = [];
  for (const ind of publicInds) {
    const f = factsById.get(ind.id)!;
    const shape = { kind: ind.kind, aggregation: ind.aggregation, unitScale: ind.unitScale, plan: ind.cityTarget?.monthlyPlan };
    const isRate = ind.aggregation === "ratio";
    const indFixes = fixes.get(ind.id) ?? [];
    const districtAreas = new Map<number, PublicArea>();
    for (const d of districts) {
      const raw = ind.rollup.districts.get(d.id);
      if (raw) districtAreas.set(d.id, publicArea(shape, raw, approvedOf.get(d.id)!, correctedThrough(indFixes, campaign.year, m, d.id, isRate), warnBp));
    }
    const cityArea = publicArea(shape, ind.rollup.city, cityRunsTo, correctedThrough(indFixes, campaign.year, m, null, isRate), warnBp);
    indicators.push({
      id: ind.id,
      code: ind.code,
      name: ind.name,
      nameEn: f.nameEn,
      description: f.description,
      kind: ind.kind,
      aggregation: ind.aggregation,
      unit: { code: f.unitCode, symbol: ind.unitSymbol, symbolEn: f.unitSymbolEn, baseSymbol: f.unitBaseSymbol, scale: ind.unitScale },
      decimals: ind.decimals,
      isHeadline: ind.isHeadline,
      actionId: ind.actionId,
      topActionId: ind.topActionId,
      numeratorLabel: ind.numeratorLabel,
      denominatorLabel: ind.denominatorLabel,
      sourceNote: ind.sourceNote,
      cityTarget: ind.cityTarget,
      city: {
        ...cityArea,
        approved: cityApproved,
        growth: ind.rollup.city.growth,
        multiple: ind.rollup.city.multiple,
        districtsReporting: [...districtAreas.values()].filter((a) => a.actual != null).length,
      },
      districts: districtAreas,
      corrections: indFixes,
    });
  }

  return {
    campaign,
    asOf,
    month,
    lastApprovalAt,
    districts,
    approvedThrough: new Map(districts.map((d) => [d.id, approvedOf.get(d.id)!.lastIndexOf(true) + 1])),
    actions,
    topActions: actions.filter((a) => a.parentId === null),
    indicators,
  };
});

/** The top-level action of an action id (itself when it has no parent). */
export function topActionOf(ctx: PublicContext, actionId: number | null): PublicAction | null {
  if (actionId == null) return null;
  const a = ctx.actions.find((x) => x.id === actionId);
  if (!a) return null;
  return a.parentId == null ? a : (ctx.actions.find((x) => x.id === a.parentId) ?? a);
}

/** Months 1..M of the context as "YYYY-MM". */
export function contextMonths(ctx: PublicContext): string[] {
  const m = monthNumber(ctx.month);
  return Array.from({ length: m }, (_, i) => `${ctx.campaign.year}-${String(i + 1).padStart(2, "0")}`);
}
