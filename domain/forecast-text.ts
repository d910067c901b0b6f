/**
 * The year-end forecast in words (zh-CN first, English second) and the method the pages print.
 * Pure and unit-tested. Every number goes through domain/numbers' formatters in the indicator's
 * unit; a comparison in words ("高于今年最高月份") always agrees with the numbers shown beside it.
 */
import type { Forecast, NotApplicableReason } from "./forecast";
import { type UnitDef } from "./numbers";
import { formatPercent, formatWithUnit } from "@/domain/format";

export type ForecastLocale = "zh-CN" | "en";

export interface ForecastFormat {
  unit: UnitDef;
  /** The indicator's display decimals. */
  decimals: number;
}

export interface ForecastSentence {
  text: string;
  /** The required run-rate exceeds every month achieved this year. */
  flag: boolean;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const NOT_APPLICABLE: Record<NotApplicableReason, Record<ForecastLocale, string>> = {
  ratio: { "zh-CN": "比率指标看是否达到目标水平，不按月累加推算", en: "a ratio is judged against its target level, not added up month by month" },
  stock: { "zh-CN": "存量指标取最新月份的数，不按月累加推算", en: "a stock indicator is the latest month's level, not a sum of months" },
  milestone: { "zh-CN": "里程碑指标按逐项节点跟踪，不按月推算", en: "a milestone moves item by item and is not extrapolated month by month" },
};

/** Display value of a base amount, rounded (up when `up`) to `d` decimals of the display unit, back in base units. */
function atPrecision(base: number, unit: UnitDef, d: number, up: boolean): number {
  const f = 10 ** d;
  const x = (base / unit.scale) * f;
  return ((up ? Math.ceil(x - 1e-9) : Math.round(x)) / f) * unit.scale;
}

/**
 * How many decimals the required run-rate and the best month need so that the shown numbers
 * order as the exact ones do: the run-rate is rounded up (a month at the shown rate is enough),
 * the best month to the nearest; extra decimals only where the indicator's own are too coarse.
 */
export function comparisonDecimals(required: number, best: number, unit: UnitDef, decimals: number): number {
  const exceeds = required > best;
  for (let d = decimals; d <= decimals + 4; d++) {
    const r = atPrecision(required, unit, d, true);
    const b = atPrecision(best, unit, d, false);
    if (exceeds ? r > b : r <= b) return d;
  }
  return decimals + 4;
}

function range(asOf: number, locale: ForecastLocale): string {
  if (locale === "en") return asOf === 1 ? "January" : `January–${MONTHS_EN[asOf - 1]}`;
  return asOf === 1 ? "1月" : `1—${asOf}月`;
}

/** The sentence for one forecast, or null when the indicator has no target (nothing is said). */
export function forecastSentence(f: Forecast, fmt: ForecastFormat, locale: ForecastLocale = "zh-CN"): ForecastSentence | null {
  const en = locale === "en";
  const amount = (v: number, d = fmt.decimals) => formatWithUnit(v, fmt.unit, d, locale);
  const pct = (v: number, t: number) => formatPercent(v / t, locale);
  switch (f.status) {
    case "no_target":
      return null;
    case "not_applicable":
      return { text: en ? `Not applicable: ${NOT_APPLICABLE[f.reason].en}.` : `不适用：${NOT_APPLICABLE[f.reason]["zh-CN"]}。`, flag: false };
    case "no_data":
      return { text: en ? "No approved figures to forecast from yet." : "暂无可用于预测的已审核数据，不作预测。", flag: false };
    case "reached":
      return {
        text: en
          ? `${range(f.asOf, locale)}: ${amount(f.actual)} done, ${pct(f.actual, f.target)} of the target; the year's target is already met.`
          : `${range(f.asOf, locale)}已完成 ${amount(f.actual)}，为目标的 ${pct(f.actual, f.target)}，已完成全年目标。`,
        flag: false,
      };
    case "year_end":
      return {
        text: en
          ? `The year is over: ${amount(f.actual)} done, ${pct(f.actual, f.target)} of the target, ${amount(f.target - f.actual)} short.`
          : `全年已结束：完成 ${amount(f.actual)}，为目标的 ${pct(f.actual, f.target)}，未完成目标，差 ${amount(f.target - f.actual)}。`,
        flag: false,
      };
    case "projected": {
      const best = f.best!;
      const d = comparisonDecimals(f.required, best.value, fmt.unit, fmt.decimals);
      const req = amount(atPrecision(f.required, fmt.unit, d, true), d);
      const top = amount(atPrecision(best.value, fmt.unit, d, false), d);
      const gapsZh = f.gaps.length > 0 ? `（${f.gaps.map((m) => `${m}月`).join("、")}无数据，未计入）` : "";
      const gapsEn = f.gaps.length > 0 ? ` (no figures for ${f.gaps.map((m) => MONTHS_EN[m - 1]).join(", ")}, left out)` : "";
      const months = en ? `${f.remainingMonths} month${f.remainingMonths === 1 ? "" : "s"}` : `${f.remainingMonths} 个月`;
      // Nothing done in any month: "above the best month's 0" would be true but says less than this.
      const cmp =
        best.value <= 0
          ? en ? "and no month this year has had any yet" : "而今年各月均未完成"
          : en
            ? `${f.exceedsBest ? "above" : "not above"} this year's best month (${MONTHS_EN[best.month - 1]}, ${top})`
            : `${f.exceedsBest ? "高于" : "不高于"}今年最高月份 ${top}（${best.month}月）`;
      if (f.projected == null) {
        return {
          text: en
            ? `${range(f.asOf, locale)}: ${amount(f.actual)} done${gapsEn}; the plan expects nothing yet, so no year-end projection; the remaining ${months} need ${req} a month, ${cmp}.`
            : `${range(f.asOf, locale)}完成 ${amount(f.actual)}${gapsZh}，计划进度尚未开始，暂不推算全年；余下 ${months}需月均完成 ${req}，${cmp}。`,
          flag: f.exceedsBest,
        };
      }
      return {
        text: en
          ? `At the pace of ${range(f.asOf, locale)}${f.usedLastYear ? " and last year's monthly pattern" : ""}${gapsEn}, the year is projected to reach ${amount(f.projected)}, ${pct(f.projected, f.target)} of the target; the remaining ${months} need ${req} a month, ${cmp}.`
          : `按${range(f.asOf, locale)}进度${f.usedLastYear ? "并参考上年逐月节奏" : ""}${gapsZh}，预计全年完成 ${amount(f.projected)}，为目标的 ${pct(f.projected, f.target)}；余下 ${months}需月均完成 ${req}，${cmp}。`,
        flag: f.exceedsBest,
      };
    }
  }
}

/** The method, one point per line, as every page that shows a forecast prints it (测算方法). */
export const FORECAST_METHOD: Record<ForecastLocale, readonly string[]> = {
  "zh-CN": [
    "只用已审核（正式）数据，与序时进度一致；页面切换为含未审核数据时，预测仍只按已审核数据。全市截至全部区县均已审核的最近月份，区县截至本区县最近一个有数据的月份。",
    "预计全年 = 已完成 + 已完成 ÷ 有数据月份的计划占比 × 余下月份的计划占比。计划占比取目标的月度计划（未设月度计划按每月 1/12）；上年 12 个月均有已审核数据时，取月度计划与上年各月累计占全年比例的平均值。",
    "某月无数据（未报或未审核）时，该月既不计入已完成，也不计入计划占比：不拉低推算的节奏，也不替它补数。",
    "余下月份所需月均 = (目标 − 已完成) ÷ 余下月数，向上取到显示精度；与今年已审核月份中最高的单月相比，高于它的标为“高于今年最高月份”。",
    "已完成目标的不再推算；12 月已有数据的显示全年实际。比率指标（如入园率）、存量指标和里程碑指标（如试点园区试运营）不适用；未设目标的指标不作预测。",
  ],
  en: [
    "Approved (official) figures only, as for pace, even when the page includes unapproved figures. The city runs through the latest month every district has had approved; a district through its own latest month with figures.",
    "Projected year = done + done ÷ the plan's share of the months with figures × the plan's share still to come. The plan is the target's monthly plan (1/12 a month without one); where last year has approved figures for all twelve months, the average of that plan and last year's cumulative monthly shares.",
    "A month without figures (not reported or not approved) counts neither in what is done nor in the plan's share: it neither drags the pace down nor is filled in.",
    "Run-rate needed = (target − done) ÷ months left, rounded up to the shown precision, compared with this year's best approved month.",
    "No projection once the target is met; with December in, the year's actual. Ratios, stocks and milestones: not applicable; no target: no forecast.",
  ],
};
