import { monthOf } from "@/domain/months";
import type { SigningFields } from "@/db/mutations/signings";
import { uniqueTouches, type MonthTouch } from "../_lib/touches";

/**
 * The months a signing write changes figures in (rule 3). The signed month carries the amount
 * and the 侨港澳台 / 文旅 sums; the landed month carries the landed counts (which also depend on
 * the amount). A new signing touches both; an edit touches a month only when something counted
 * in it changes, so marking an old signing as landed today needs only today's month open.
 */
export function signingTouches(before: SigningFields | null, after: SigningFields): MonthTouch[] {
  const signed = (d: string, old = false): MonthTouch => ({ month: monthOf(d), field: "signedOn", label: old ? "原签约日期" : "签约日期" });
  const landed = (d: string | null, old = false): MonthTouch | null => (d ? { month: monthOf(d), field: "landedOn", label: old ? "原落地日期" : "落地日期" } : null);
  if (!before) return uniqueTouches([signed(after.signedOn), landed(after.landedOn)]);
  const signedCounted = before.amount !== after.amount || before.isOverseas !== after.isOverseas || before.isCultureTourism !== after.isCultureTourism || before.signedOn !== after.signedOn;
  const landedCounted = before.landedOn !== after.landedOn || (before.amount !== after.amount && (before.landedOn !== null || after.landedOn !== null));
  return uniqueTouches([
    signedCounted && signed(after.signedOn),
    signedCounted && before.signedOn !== after.signedOn && signed(before.signedOn, true),
    landedCounted && landed(after.landedOn),
    landedCounted && before.landedOn !== after.landedOn && landed(before.landedOn, true),
  ]);
}
