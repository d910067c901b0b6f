import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Point, RollupIndicator } from "@/domain/rollup";
import type { Db } from "../client";
import { ruleQuery, type RollupMode } from "./derivations";
import { getDatabase } from "../index";
import { actions, campaigns, departments, indicators, targets, units } from "../schema";

/** Kept only for the bulletin pages (another engineer's area) until they import ./key-project-sectors themselves. */
export { loadKeyProjectSectors, type SectorRollupRow } from "./key-project-sectors";

/**
 * The month-by-month data behind every rollup. "official" counts only what sits in an approved
 * district-month (the published figures); "all" includes drafts and submissions (leaders'
 * "including unapproved" switch). A record counts in the month of its date: a project's start,
 * a problem's resolution, a signing's signature (or landing), a park's trial operation.
 *
 * Callers: public pages must pass "official" and filter to public indicators; "all" needs `city.read`.
 */

export interface IndicatorMeta extends RollupIndicator {
  name: string;
  kind: "reported" | "derived" | "milestone";
  unitSymbol: string;
  decimals: number;
  isPublic: boolean;
  isHeadline: boolean;
  actionId: number;
  topActionId: number;
  ownerDepartmentName: string | null;
  derivation: { rule: string; params: Record<string, unknown> } | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  sourceNote: string;
}

type Row = { indicatorId?: number; districtId: number; m: number; value?: number | null; numerator?: number | null; denominator?: number | null };

async function all(db: Db, q: SQL): Promise<Row[]> {
  const rows = (await db.all(q)) as Record<string, unknown>[];
  return rows.map((r) => ({
    indicatorId: r.indicator_id == null ? undefined : Number(r.indicator_id),
    districtId: Number(r.district_id),
    m: Number(r.m),
    value: r.value == null ? null : Number(r.value),
    numerator: r.numerator == null ? null : Number(r.numerator),
    denominator: r.denominator == null ? null : Number(r.denominator),
  }));
}

/**
 * The (district, month number) pairs that are official (approved, or approved and now reopened for
 * correction, which keeps its approved figures until the correction is approved): the official
 * rollup counts only these.
 */
async function approvedPairs(db: Db, campaignId: number): Promise<Set<string>> {
  const rows = (await db.all(sql`select r.district_id as d, cast(substr(p.month, 6, 2) as integer) as m from monthly_reports r
    join periods p on p.id = r.period_id where p.campaign_id = ${campaignId} and r.official = 1`)) as { d: number; m: number }[];
  return new Set(rows.map((r) => `${Number(r.d)}|${Number(r.m)}`));
}

/**
 * Points of one derived rule, from its module in ./derivations (the same definition of which
 * records count as the drill-down's). Records are grouped by district and month first and the
 * approval filter is applied to those few groups afterwards: joining every record to its month's
 * report made the official rollup grow with the size of the history (measured by npm run bench).
 */
async function derivedPoints(db: Db, campaignId: number, year: number, month: string, mode: RollupMode, rule: string, params: Record<string, unknown>, approved: Set<string> | null): Promise<Row[]> {
  const query = ruleQuery(rule);
  if (!query) return [];
  const rows = await query.points(db, { campaignId, year, month, rule, params }, mode, mode);
  return query.filtersOwnApproval || mode === "all" || !approved ? rows : rows.filter((r) => approved.has(`${r.districtId}|${r.m}`));
}

async function reportedPoints(db: Db, campaignId: number, month: string, mode: RollupMode): Promise<Row[]> {
  // Official figures are the approved copies: a month reopened for correction keeps them until the
  // correction is approved. "all" reads what the districts have entered now.
  const cols = mode === "official" ? sql`f.approved_value as value, f.approved_numerator as numerator, f.approved_denominator as denominator` : sql`f.value, f.numerator, f.denominator`;
  return all(db, sql`select f.indicator_id, r.district_id, cast(substr(p.month, 6, 2) as integer) as m, ${cols}
    from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
    where p.campaign_id = ${campaignId} and p.month <= ${month} ${mode === "official" ? sql` and r.official = 1` : sql``}`);
}

/**
 * Last year's reported amounts through the same month, one total per indicator (approved months
 * only), as a single point in that month: growth needs only the year-to-date total, so the
 * database adds them up rather than sending every district-month.
 */
async function lastYearTotals(db: Db, campaignId: number, month: string): Promise<Row[]> {
  return all(db, sql`select f.indicator_id, 0 as district_id, ${Number(month.slice(5))} as m, sum(f.approved_value) as value
    from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
    where p.campaign_id = ${campaignId} and p.month <= ${month} and r.official = 1 group by f.indicator_id`);
}

const toPoint = (r: Row): Point => ({ districtId: r.districtId, month: r.m, value: r.value, numerator: r.numerator, denominator: r.denominator });

/** Every indicator of the campaign with its targets and data through `month`. */
export async function loadRollupInputs(campaignId: number, month: string, mode: RollupMode): Promise<IndicatorMeta[]> {
  const { db } = await getDatabase();
  const campaign = (await db.select({ year: campaigns.year, cityName: campaigns.cityName }).from(campaigns).where(eq(campaigns.id, campaignId)))[0];
  if (!campaign) return [];
  const inds = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      kind: indicators.kind,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      isPublic: indicators.isPublic,
      isHeadline: indicators.isHeadline,
      actionId: indicators.actionId,
      parentActionId: actions.parentId,
      derivation: indicators.derivation,
      numeratorLabel: indicators.numeratorLabel,
      denominatorLabel: indicators.denominatorLabel,
      unitSymbol: units.symbol,
      unitScale: units.scale,
      ownerDepartmentName: departments.name,
    })
    .from(indicators)
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .leftJoin(departments, eq(departments.id, indicators.ownerDepartmentId))
    .where(eq(indicators.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(indicators.sortOrder));
  const tgs = await db
    .select({
      indicatorId: targets.indicatorId,
      districtId: targets.districtId,
      targetValue: targets.targetValue,
      baselineValue: targets.baselineValue,
      growthTargetBp: targets.growthTargetBp,
      multipleTargetPct: targets.multipleTargetPct,
      monthlyPlan: targets.monthlyPlan,
      sourceNote: targets.sourceNote,
    })
    .from(targets)
    .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
    .where(and(eq(indicators.campaignId, campaignId), eq(targets.year, campaign.year)));
  const reported = await reportedPoints(db, campaignId, month, mode);
  // Last year's campaign of the same city (another city's campaign of that year is not "last year").
  const lastYear = (await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.year, campaign.year - 1), eq(campaigns.cityName, campaign.cityName))).limit(1))[0];
  const lastYearMonth = `${campaign.year - 1}${month.slice(4)}`;
  const lastYearCodes = lastYear ? new Map((await db.select({ id: indicators.id, code: indicators.code }).from(indicators).where(eq(indicators.campaignId, lastYear.id))).map((r) => [r.code, r.id])) : new Map<string, number>();
  const lastYearReported = lastYear ? await lastYearTotals(db, lastYear.id, lastYearMonth) : [];

  const approved = mode === "official" ? await approvedPairs(db, campaignId) : null;
  let lastYearApproved: Set<string> | null = null;
  const out: IndicatorMeta[] = [];
  for (const ind of inds) {
    const city = tgs.find((t) => t.indicatorId === ind.id && t.districtId == null);
    const districtTargets = new Map(tgs.filter((t) => t.indicatorId === ind.id && t.districtId != null).map((t) => [t.districtId!, t.targetValue]));
    let points: Point[];
    let lastYearPoints: Point[] | null = null;
    if (ind.kind === "reported") {
      points = reported.filter((r) => r.indicatorId === ind.id).map(toPoint);
      const ly = lastYearCodes.get(ind.code);
      if (ly != null) lastYearPoints = lastYearReported.filter((r) => r.indicatorId === ly).map(toPoint);
    } else {
      points = ind.derivation ? (await derivedPoints(db, campaignId, campaign.year, month, mode, ind.derivation.rule, ind.derivation.params, approved)).map(toPoint) : [];
      if (lastYear && lastYearCodes.has(ind.code) && ind.derivation) {
        lastYearApproved ??= await approvedPairs(db, lastYear.id);
        lastYearPoints = (await derivedPoints(db, lastYear.id, campaign.year - 1, lastYearMonth, "official", ind.derivation.rule, ind.derivation.params, lastYearApproved)).map(toPoint);
      }
    }
    if (lastYearPoints && lastYearPoints.length === 0) lastYearPoints = null;
    out.push({
      id: ind.id,
      code: ind.code,
      name: ind.name,
      kind: ind.kind,
      aggregation: ind.aggregation,
      unitScale: ind.unitScale,
      unitSymbol: ind.unitSymbol,
      decimals: ind.decimals,
      isPublic: ind.isPublic,
      isHeadline: ind.isHeadline,
      actionId: ind.actionId,
      topActionId: ind.parentActionId ?? ind.actionId,
      ownerDepartmentName: ind.ownerDepartmentName,
      derivation: ind.derivation ?? null,
      numeratorLabel: ind.numeratorLabel,
      denominatorLabel: ind.denominatorLabel,
      sourceNote: city?.sourceNote ?? "",
      cityTarget: city
        ? { targetValue: city.targetValue, baselineValue: city.baselineValue, growthTargetBp: city.growthTargetBp, multipleTargetPct: city.multipleTargetPct, monthlyPlan: city.monthlyPlan ?? null }
        : null,
      districtTargets,
      points,
      lastYearPoints,
      fromRecords: ind.kind !== "reported",
    });
  }
  return out;
}

/**
 * The month public figures are "as of": the latest month in which at least one district's report
 * is approved, with how many of the reporting districts are approved in it. Public facts.
 */
export async function getAsOfMonth(campaignId: number): Promise<{ month: string; approved: number; total: number } | null> {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`
    select p.month as month,
      (select count(*) from monthly_reports r join districts d on d.id = r.district_id where r.period_id = p.id and r.official = 1 and d.active = 1 and d.reports = 1) as approved,
      (select count(*) from districts d where d.active = 1 and d.reports = 1) as total
    from periods p where p.campaign_id = ${campaignId}
      and exists (select 1 from monthly_reports r where r.period_id = p.id and r.official = 1)
    order by p.month desc limit 1`)) as { month: string; approved: number; total: number }[];
  const r = rows[0];
  return r ? { month: String(r.month), approved: Number(r.approved), total: Number(r.total) } : null;
}
