"use client";

import { useActionState } from "react";
import type { RuleSpec } from "@/domain/derivations";
import { initialActionState, type ActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { FieldError } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";

type Option = { value: string; label: string };

export interface IndicatorFormProps {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  /** Field values as text; multi-choice parameters joined with ",". */
  defaults: Record<string, string>;
  options: { units: Option[]; actions: Option[]; departments: Option[]; kinds: readonly Option[]; aggregations: Option[]; accumulations: Option[] };
  rules: readonly RuleSpec[];
  /** When figures exist: the definition is shown read-only (and posted unchanged) with the reason. */
  frozen: { reason: string; summary: { label: string; value: string }[] } | null;
  needsConfirm: boolean;
  submitLabel: string;
}

const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

/**
 * Indicator create/edit. Without JavaScript everything still works: CSS shows the ratio fields
 * only for ratio indicators and the rule only for derived and milestone ones, and each rule's
 * parameters under its radio button once it is chosen.
 */
export function IndicatorForm(p: IndicatorFormProps) {
  const [state, action] = useActionState(p.action, initialActionState);
  const key = useFormKey(state);
  const val = (n: string) => state.values[n] ?? p.defaults[n] ?? "";
  const err = (n: string) => state.fieldErrors[n];
  const described = (n: string, hint?: boolean) => [hint ? `${n}-hint` : null, `${n}-error`].filter(Boolean).join(" ");

  const text = (n: string, label: string, hint?: string, extra?: { inputMode?: "numeric" }) => (
    <div>
      <label htmlFor={n} className="block text-sm font-medium text-slate-700">{label}</label>
      {hint && <p id={`${n}-hint`} className="text-xs text-slate-500">{hint}</p>}
      <input id={n} name={n} defaultValue={val(n)} autoComplete="off" inputMode={extra?.inputMode} aria-invalid={!!err(n)} aria-describedby={described(n, !!hint)} className={input} />
      <FieldError id={`${n}-error`} error={err(n)} />
    </div>
  );
  const select = (n: string, label: string, options: readonly Option[], placeholder?: string, hint?: string) => (
    <div>
      <label htmlFor={n} className="block text-sm font-medium text-slate-700">{label}</label>
      {hint && <p id={`${n}-hint`} className="text-xs text-slate-500">{hint}</p>}
      <select id={n} name={n} defaultValue={val(n)} aria-invalid={!!err(n)} aria-describedby={described(n, !!hint)} className={input}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError id={`${n}-error`} error={err(n)} />
    </div>
  );
  const check = (n: string, label: string, hint?: string) => (
    <div>
      <div className="mt-2 flex items-center gap-2">
        <input id={n} name={n} type="checkbox" value="1" defaultChecked={val(n) === "1"} aria-invalid={!!err(n)} aria-describedby={described(n, !!hint)} className="h-4 w-4 accent-brand-700" />
        <label htmlFor={n} className="text-sm font-medium text-slate-700">{label}</label>
      </div>
      {hint && <p id={`${n}-hint`} className="text-xs text-slate-500">{hint}</p>}
      <FieldError id={`${n}-error`} error={err(n)} />
    </div>
  );

  return (
    <form key={key} action={action} className="group space-y-5" noValidate>
      {Object.entries(p.hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <FormMessage state={state} />

      <fieldset className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">口径（决定数据含义）</legend>
        {p.frozen ? (
          <FrozenDefinition frozen={p.frozen} defaults={p.defaults} rules={p.rules} error={err("definition")} />
        ) : (
          <>
            <div className="grid gap-x-4 md:grid-cols-3">
              {text("code", "指标代码", "小写字母开头，例如 key_investment；各年度同一指标用同一代码")}
              {select("kind", "类型", p.options.kinds)}
              {select("aggregation", "汇总方式", p.options.aggregations, undefined, "比率不按区县比率平均，而是 Σ分子 ÷ Σ分母")}
              {select("unitCode", "单位", p.options.units, "请选择单位")}
              {select("accumulation", "累计方式", p.options.accumulations)}
            </div>
            <div className="grid gap-x-4 rounded-md bg-slate-50 p-3 md:grid-cols-3 group-has-[select[name=aggregation]_option[value=ratio]:not(:checked)]:hidden">
              <p className="text-sm text-slate-600 md:col-span-3">比率指标：区县填报分子和分母，全市比率 = Σ分子 ÷ Σ分母。</p>
              {text("numeratorLabel", "分子名称")}
              {text("denominatorLabel", "分母名称")}
              {select("partUnitCode", "分子、分母的单位", p.options.units, "请选择单位")}
            </div>
            <div role="radiogroup" aria-labelledby="rule-label" aria-describedby="rule-error" className="space-y-2 rounded-md bg-slate-50 p-3 group-has-[select[name=kind]_option[value=reported]:checked]:hidden">
              <p id="rule-label" className="text-sm font-medium text-slate-700">计算规则（台账计算和里程碑指标）</p>
              <p className="text-xs text-slate-500">只能从支持的规则中选择，并填好它的参数。</p>
              <FieldError id="rule-error" error={err("rule")} />
              {p.rules.map((r) => (
                <div key={r.rule}>
                  <input id={`rule-${r.rule}`} type="radio" name="rule" value={r.rule} defaultChecked={val("rule") === r.rule} className="peer h-4 w-4 accent-brand-700" />
                  <label htmlFor={`rule-${r.rule}`} className="ml-2 text-sm font-medium">{r.label}</label>
                  <span className="ml-2 text-xs text-slate-500">{r.description}</span>
                  <div className="ml-6 mt-1 hidden space-y-1 border-l-2 border-slate-200 pl-3 peer-checked:block">
                    {r.params.map((param) => {
                      const n = `p_${r.rule}_${param.name}`;
                      if (param.kind === "boolean") return <div key={n}>{check(n, param.label)}</div>;
                      if (param.kind === "choice") return <div key={n} className="max-w-xs">{select(n, param.label, param.options, "请选择")}</div>;
                      if (param.kind === "amount") return <div key={n} className="max-w-xs">{text(n, param.label, param.hint)}</div>;
                      const chosen = val(n).split(",");
                      return (
                        <fieldset key={n} aria-describedby={`${n}-error`}>
                          <legend className="text-sm font-medium text-slate-700">{param.label}</legend>
                          <div className="flex flex-wrap gap-3">
                            {param.options.map((o) => (
                              <label key={o.value} className="flex items-center gap-1 text-sm">
                                <input type="checkbox" name={n} value={o.value} defaultChecked={chosen.includes(o.value)} className="h-4 w-4 accent-brand-700" />
                                {o.label}
                              </label>
                            ))}
                          </div>
                          <FieldError id={`${n}-error`} error={err(n)} />
                        </fieldset>
                      );
                    })}
                  </div>
                </div>
              ))}
            </div>
          </>
        )}
      </fieldset>

      <fieldset className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">说明性信息</legend>
        <div className="grid gap-x-4 md:grid-cols-2">
          {text("name", "指标名称")}
          {text("nameEn", "英文名称")}
          {select("actionId", "所属专项行动", p.options.actions, "请选择")}
          {select("ownerDepartmentId", "主管部门", p.options.departments, "（未设）", "主管部门的填报员可填报该指标")}
          {text("decimals", "显示小数位数", "0–4", { inputMode: "numeric" })}
          <div className="grid grid-cols-2 gap-x-4">
            {check("isPublic", "对外公开")}
            {check("isHeadline", "首页重点指标")}
          </div>
        </div>
        <div>
          <label htmlFor="description" className="block text-sm font-medium text-slate-700">说明</label>
          <textarea id="description" name="description" rows={2} defaultValue={val("description")} aria-invalid={!!err("description")} aria-describedby="description-error" className={input} />
          <FieldError id="description-error" error={err("description")} />
        </div>
      </fieldset>

      {p.needsConfirm && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          {check("confirm", "我确认修改这个已有数据的指标", "修改会记入审计日志（原值和新值）。")}
        </div>
      )}
      <SubmitButton>{p.submitLabel}</SubmitButton>
    </form>
  );
}

function FrozenDefinition({ frozen, defaults, rules, error }: { frozen: NonNullable<IndicatorFormProps["frozen"]>; defaults: Record<string, string>; rules: readonly RuleSpec[]; error?: string }) {
  // The unchanged definition is posted back so the server sees no change; any tampering is refused there.
  const names = ["code", "kind", "aggregation", "accumulation", "unitCode", "partUnitCode", "numeratorLabel", "denominatorLabel", "rule"];
  const rule = rules.find((r) => r.rule === defaults.rule);
  const params = rule ? rule.params.map((p) => `p_${rule.rule}_${p.name}`) : [];
  return (
    <div className="space-y-2">
      {names.map((n) => <input key={n} type="hidden" name={n} value={defaults[n] ?? ""} />)}
      {params.flatMap((n) => (defaults[n] ?? "").split(",").filter(Boolean).map((v) => <input key={`${n}-${v}`} type="hidden" name={n} value={v} />))}
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{frozen.reason}</p>
      <p id="definition-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{error ?? ""}</p>
      <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
        {frozen.summary.map((s) => (
          <div key={s.label} className="contents">
            <dt className="text-slate-500">{s.label}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
