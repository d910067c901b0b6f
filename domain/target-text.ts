import { formatWithUnit, type UnitDef } from "./numbers";

export interface TargetLike {
  decimals: number;
  unit: UnitDef;
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
}

/** The target as the city states it: "2,168 亿元", plus growth or multiple conditions in words. */
export function describeTarget(t: TargetLike, year: number): { main: string; conditions: string[] } {
  const main = t.targetValue == null ? "目标待设定" : formatWithUnit(t.targetValue, t.unit, t.decimals);
  const conditions: string[] = [];
  if (t.growthTargetBp != null) {
    conditions.push(`比${year - 1}年增长 ${(t.growthTargetBp / 100).toFixed(1)}% 以上`);
  }
  if (t.multipleTargetPct != null) {
    const times = (t.multipleTargetPct / 100).toString();
    conditions.push(
      t.baselineValue == null
        ? `达${year - 1}年基数的 ${times} 倍以上（基数待录入）`
        : `达${year - 1}年基数 ${formatWithUnit(t.baselineValue, t.unit, t.decimals)} 的 ${times} 倍以上`,
    );
  }
  return { main, conditions };
}
