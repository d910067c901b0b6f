/**
 * Time progress (序时进度) and the status words the city uses. Pure and unit-tested.
 *
 * By the end of month m a linear annual target expects m/12 of it; a target may instead carry
 * its own plan: twelve cumulative shares in basis points (e.g. a strong first quarter). Status:
 * on or ahead of plan → green; behind by less than the campaign's margin → yellow; else red.
 * Percentages are shown with one decimal, as the city publishes them.
 */

import { formatPercentNumber } from "@/domain/format";

export type PaceStatus = "ahead" | "behind" | "lagging" | "no_target" | "no_data";

export function expectedShare(month: number, plan: readonly number[] | null | undefined): number {
  if (month < 1) return 0;
  const m = Math.min(month, 12);
  if (plan && plan.length === 12) return plan[m - 1]! / 10000;
  return m / 12;
}

/** Checks a monthly plan: twelve cumulative, non-decreasing shares that reach 100% by December. */
export function monthlyPlanError(plan: readonly number[]): string | null {
  if (plan.length !== 12) return "月度计划应有 12 个月";
  for (let i = 0; i < 12; i++) {
    const v = plan[i]!;
    if (!Number.isFinite(v) || v < 0) return `${i + 1}月的计划进度无效`;
    if (i > 0 && v < plan[i - 1]!) return `${i + 1}月的累计计划进度不能低于${i}月`;
  }
  if (plan[11] !== 10000) return "月度计划到 12 月必须达到 100%";
  return null;
}


export interface PaceResult {
  /** done ÷ target, e.g. 0.624 */
  share: number | null;
  expected: number;
  /** share − expected, in percentage points (positive = ahead) */
  gapPoints: number | null;
  status: PaceStatus;
  /** "完成 62.4%，序时 66.7%，落后 4.3 个百分点" */
  reason: string;
}

/** Pace of an amount or count against an annual target. */
export function pace(done: number | null, target: number | null, month: number, plan: readonly number[] | null | undefined, warnBp: number): PaceResult {
  const expected = expectedShare(month, plan);
  if (target == null || target <= 0) return { share: null, expected, gapPoints: null, status: "no_target", reason: "未设定目标" };
  if (done == null) return { share: null, expected, gapPoints: null, status: "no_data", reason: "暂无数据" };
  const share = done / target;
  // Compare in tenths of a point, as displayed, so the words never contradict the numbers shown.
  const shown = Math.round(share * 1000) - Math.round(expected * 1000);
  const gapPoints = shown / 10;
  const status: PaceStatus = shown >= 0 ? "ahead" : -shown < warnBp / 10 ? "behind" : "lagging";
  const gapText = shown === 0 ? "与序时进度持平" : shown > 0 ? `超序时 ${(shown / 10).toFixed(1)} 个百分点` : `落后 ${(-shown / 10).toFixed(1)} 个百分点`;
  return { share, expected, gapPoints, status, reason: `完成 ${formatPercentNumber(share)}%，序时 ${formatPercentNumber(expected)}%，${gapText}` };
}

/** A rate indicator (e.g. 入园率) is judged against its target level, not against time. */
export function rateStatus(rate: number | null, targetRate: number | null, warnBp: number): PaceResult {
  if (targetRate == null) return { share: null, expected: 0, gapPoints: null, status: "no_target", reason: "未设定目标" };
  if (rate == null) return { share: null, expected: targetRate, gapPoints: null, status: "no_data", reason: "暂无数据" };
  const shown = Math.round(rate * 1000) - Math.round(targetRate * 1000);
  const status: PaceStatus = shown >= 0 ? "ahead" : -shown < warnBp / 10 ? "behind" : "lagging";
  const gapText = shown >= 0 ? `已达到目标 ${formatPercentNumber(targetRate)}%` : `距目标 ${formatPercentNumber(targetRate)}% 差 ${(-shown / 10).toFixed(1)} 个百分点`;
  return { share: rate / targetRate, expected: targetRate, gapPoints: shown / 10, status, reason: `当前 ${formatPercentNumber(rate)}%，${gapText}` };
}

/** Growth over the same period of last year: this year-to-date ÷ last year's same period − 1. */
export function growth(ytd: number | null, samePeriodLastYear: number | null): number | null {
  if (ytd == null || samePeriodLastYear == null || samePeriodLastYear <= 0) return null;
  return ytd / samePeriodLastYear - 1;
}

