import { describe, expect, it } from "vitest";
import { definitionErrors, derivationFormValues, parseDerivationForm, type FormReader } from "@/domain/derivation-form";
import { derivationError, RULES } from "@/domain/derivations";
import { derivationSummary } from "@/domain/derivation-words";
import { INDICATORS } from "@/db/seed/quanzhou-2023";

function form(values: Record<string, string | string[]>): FormReader {
  return {
    get: (n) => {
      const v = values[n];
      return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
    },
    getAll: (n) => {
      const v = values[n];
      return Array.isArray(v) ? v : v === undefined ? [] : [v];
    },
  };
}

const COUNT = { baseSymbol: "个", scale: 1, symbol: "个" };
const MONEY = { baseSymbol: "万元", scale: 10000, symbol: "亿元" };

describe("the catalogue of derivation rules", () => {
  it("accepts every derivation the 2023 seed uses", () => {
    for (const ind of INDICATORS.filter((i) => i.derivation)) expect(derivationError(ind.derivation), ind.code).toBeNull();
  });

  it("refuses an unknown rule, a missing parameter and a parameter it does not know", () => {
    expect(derivationError({ rule: "sql", params: {} })).toBe("不支持的计算规则");
    expect(derivationError({ rule: "problems_resolved", params: {} })).toBe("请选择难题类型");
    expect(derivationError({ rule: "parks_in_status", params: { statuses: [], pilotOnly: true } })).toBe("请至少选择一个园区状态");
    expect(derivationError({ rule: "projects_started", params: { keyOnly: true, where: "1=1" } })).not.toBeNull();
    expect(derivationError(null)).toBe("请选择计算规则");
  });

  it("reads a rule and its parameters from the form, storing only set flags of signings and the amount in 万元", () => {
    const r = parseDerivationForm(form({ rule: "signings_count", p_signings_count_minAmount: "20", p_signings_count_landedOnly: "1", p_signings_sum_overseas: "1" }));
    expect(r).toEqual({ ok: true, value: { rule: "signings_count", params: { minAmount: 200000, landedOnly: true } } });
    expect(parseDerivationForm(form({ rule: "projects_started" }))).toEqual({ ok: true, value: { rule: "projects_started", params: { keyOnly: false } } });
    expect(parseDerivationForm(form({ rule: "parks_in_status", p_parks_in_status_statuses: ["operating", "trial_operation"], p_parks_in_status_pilotOnly: "1" }))).toEqual({
      ok: true,
      value: { rule: "parks_in_status", params: { statuses: ["trial_operation", "operating"], pilotOnly: true } },
    });
  });

  it("puts each missing parameter's message on its own field", () => {
    expect(parseDerivationForm(form({}))).toEqual({ ok: false, errors: { rule: "台账计算和里程碑指标必须选择计算规则" } });
    expect(parseDerivationForm(form({ rule: "problems_resolved" }))).toEqual({ ok: false, errors: { p_problems_resolved_type: "请选择难题类型" } });
    expect(parseDerivationForm(form({ rule: "parks_in_status", p_parks_in_status_statuses: ["bogus"] }))).toEqual({ ok: false, errors: { p_parks_in_status_statuses: "请至少选择一个园区状态" } });
    const bad = parseDerivationForm(form({ rule: "signings_sum", p_signings_sum_minAmount: "-3" }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.p_signings_sum_minAmount).toBe("不能为负数");
    expect(parseDerivationForm(form({ rule: "drop table" }))).toEqual({ ok: false, errors: { rule: "不支持的计算规则" } });
  });

  it("requires the rule to fit the indicator's kind, aggregation and unit", () => {
    const investment = { rule: "project_investment", params: { keyOnly: true } };
    expect(definitionErrors({ kind: "reported", aggregation: "sum", unit: MONEY, derivation: null })).toEqual({});
    expect(definitionErrors({ kind: "derived", aggregation: "sum", unit: MONEY, derivation: null })).toEqual({ rule: "台账计算和里程碑指标必须选择计算规则" });
    expect(definitionErrors({ kind: "derived", aggregation: "sum", unit: MONEY, derivation: investment })).toEqual({});
    expect(definitionErrors({ kind: "derived", aggregation: "count", unit: MONEY, derivation: investment }).aggregation).toContain("求和");
    expect(definitionErrors({ kind: "derived", aggregation: "sum", unit: COUNT, derivation: investment }).unitCode).toContain("金额");
    expect(definitionErrors({ kind: "milestone", aggregation: "count", unit: MONEY, derivation: { rule: "parks_in_status", params: { statuses: ["operating"], pilotOnly: false } } }).unitCode).toContain("个数");
  });

  it("round-trips stored parameters through the form and describes them in words", () => {
    for (const ind of INDICATORS.filter((i) => i.derivation)) {
      const values = derivationFormValues(ind.derivation!);
      const parsed = parseDerivationForm(form(values));
      expect(parsed, ind.code).toEqual({ ok: true, value: ind.derivation });
    }
    expect(derivationSummary({ rule: "signings_count", params: { minAmount: 200000, landedOnly: true } })).toBe("签约项目个数：单个项目金额不低于 20 亿元；只计已落地项目（按落地日期计入）");
    expect(RULES.map((r) => r.rule)).toHaveLength(7);
  });
});
