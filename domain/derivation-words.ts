/** Derivations in words (Chinese): a stored rule with its parameters, and how an indicator is counted. Pure. */
import { PARK_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "./record-labels";
import { MIN_AMOUNT_UNIT, ruleSpec, type Derivation } from "./derivations";
import { baseToDisplayExact } from "@/domain/format";

/** A stored derivation in words, e.g. "签约项目个数：单个项目金额不低于 20 亿元、只计已落地项目". */
export function derivationSummary(d: Derivation | null): string {
  if (!d) return "—";
  const spec = ruleSpec(d.rule);
  if (!spec) return d.rule;
  const parts: string[] = [];
  for (const p of spec.params) {
    const v = d.params[p.name];
    if (p.kind === "boolean" && v === true) parts.push(p.label);
    if (p.kind === "choice" && typeof v === "string") parts.push(`${p.label}：${p.options.find((o) => o.value === v)?.label ?? v}`);
    if (p.kind === "choices" && Array.isArray(v)) parts.push(`${p.label}：${v.map((x) => p.options.find((o) => o.value === x)?.label ?? String(x)).join("、")}`);
    if (p.kind === "amount" && typeof v === "number") parts.push(`单个项目金额不低于 ${baseToDisplayExact(v, MIN_AMOUNT_UNIT.scale)} 亿元`);
  }
  return parts.length ? `${spec.label}：${parts.join("；")}` : spec.label;
}

/** How a derived or milestone indicator is counted, in words, from its rule and parameters (shown on the city pages). */
export function describeDerivation(kind: "reported" | "derived" | "milestone", derivation: { rule: string; params: Record<string, unknown> } | null): string {
  if (kind === "reported" || !derivation) return "由各区县每月填报，按月累计。";
  const p = derivation.params;
  const key = p.keyOnly === true ? "市重点项目" : "项目";
  switch (derivation.rule) {
    case "projects_started":
      return `由项目台账计算：实际开工日期在本年内的${key}个数，按开工月份计入。`;
    case "projects_completed":
      return `由项目台账计算：实际建成日期在本年内的${key}个数，按建成月份计入。`;
    case "project_investment":
      return `由项目台账计算：${key}每月完成投资之和。`;
    case "problems_resolved": {
      const type = PROBLEM_TYPE_LABELS[String(p.type) as keyof typeof PROBLEM_TYPE_LABELS] ?? String(p.type);
      return `由难题清单计算：类型为“${type}”、本年内已解决的难题个数，按解决日期所在月份计入。`;
    }
    case "signings_sum":
    case "signings_count": {
      const filters = [
        p.overseas === true ? "侨港澳台和在外乡贤" : null,
        p.cultureTourism === true ? "文旅经济" : null,
        typeof p.minAmount === "number" ? `单个项目 ${p.minAmount / 10000} 亿元以上` : null,
      ].filter(Boolean);
      const date = p.landedOnly === true ? "落地日期" : "签约日期";
      const what = derivation.rule === "signings_sum" ? "签约金额之和" : "签约项目个数";
      return `由签约台账计算：${filters.length ? filters.join("、") + "的" : ""}${what}，按${date}所在月份计入。`;
    }
    case "parks_in_status": {
      const statuses = Array.isArray(p.statuses) ? p.statuses.map((s) => PARK_STATUS_LABELS[String(s) as keyof typeof PARK_STATUS_LABELS] ?? String(s)) : ["试运营", "正式运营"];
      return `由园区台账计算：${p.pilotOnly === true ? "试点" : ""}园区中状态为“${statuses.join("”或“")}”的个数，按进入试运营的日期计入（上年已达到的从1月起计入）。`;
    }
    default:
      return "由台账计算。";
  }
}
