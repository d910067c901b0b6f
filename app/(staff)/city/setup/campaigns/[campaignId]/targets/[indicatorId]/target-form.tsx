"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { Field, TextArea } from "@/components/ui/field";
import { saveTargetsAction } from "./actions";


/**
 * One indicator's targets: city target and conditions, the monthly plan (linear, or twelve
 * cumulative percentages shown when "custom" is chosen — CSS only, so it works without
 * JavaScript), and the district breakdown with its explanation.
 */
export function TargetForm(props: {
  hidden: Record<string, string>;
  defaults: Record<string, string>;
  unit: string;
  ratio: boolean;
  districts: { id: number; name: string }[];
}) {
  const [state, action] = useActionState(saveTargetsAction, initialActionState);
  const key = useFormKey(state);
  const val = (n: string) => state.values[n] ?? props.defaults[n] ?? "";
  const err = (n: string) => state.fieldErrors[n];
  const num = (n: string, label: string, hint?: string) => <Field key={n} name={n} label={label} hint={hint} inputMode="decimal" numeric autoComplete="off" defaultValue={val(n)} error={err(n)} />;
  const planMode = val("planMode") || "linear";
  return (
    <form key={key} action={action} className="space-y-5" noValidate>
      {Object.entries(props.hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <FormMessage state={state} />

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">全市目标</legend>
        <div className="grid gap-x-4 md:grid-cols-4">
          {num("target", props.ratio ? "目标比率（%）" : `全市目标（${props.unit}）`, "空着表示未设定；不能为负数")}
          {num("baseline", `上年基数（${props.unit}）`, "上一年实际完成；可空")}
          {num("growth", "增长目标（%）", "例如 17.5；可空")}
          {num("multiple", "目标倍数（倍）", "例如 3 表示达基数 3 倍；可空")}
        </div>
        <Field name="sourceNote" label="目标来源" defaultValue={val("sourceNote")} error={err("sourceNote")} />
      </fieldset>

      {!props.ratio && (
        <fieldset className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-describedby="plan-error">
          <legend className="px-1 font-semibold">月度计划（序时进度）</legend>
          <div className="flex items-center gap-2">
            <input id="plan-linear" type="radio" name="planMode" value="linear" defaultChecked={planMode === "linear"} className="h-4 w-4 accent-brand-700" />
            <label htmlFor="plan-linear" className="text-sm">按序时（线性）：第 m 月末应完成 m/12</label>
          </div>
          <div>
            <input id="plan-custom" type="radio" name="planMode" value="custom" defaultChecked={planMode === "custom"} className="peer h-4 w-4 accent-brand-700" />
            <label htmlFor="plan-custom" className="ml-2 text-sm">自定义：各月末累计应完成全年目标的百分比（例如一季度“开门红”）</label>
            <div className="mt-2 hidden grid-cols-3 gap-x-3 md:grid-cols-6 peer-checked:grid">
              {Array.from({ length: 12 }, (_, k) => num(`plan_${k + 1}`, `${k + 1}月累计（%）`))}
            </div>
          </div>
          <p id="plan-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{err("plan") ?? ""}</p>
        </fieldset>
      )}

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{props.ratio ? "各区县目标比率（%）" : `分解到区县（${props.unit}）`}</legend>
        <p className="mb-2 text-sm text-slate-600">
          {props.ratio ? "比率类指标填各区县自己的目标比率，不要求相加。" : "各区县目标之和应等于全市目标；不相等时请在下面说明原因。空着表示未分解。"}
        </p>
        <div className="grid gap-x-4 md:grid-cols-4">
          {props.districts.map((d) => num(`d_${d.id}`, d.name))}
        </div>
        <TextArea name="breakdownNote" label="分解差异说明" hint="区县目标合计与全市目标不一致时必填，例如“市直单位承担 50 亿元”。" rows={2} defaultValue={val("breakdownNote")} error={err("breakdownNote")} />
      </fieldset>
      <SubmitButton>保存目标</SubmitButton>
    </form>
  );
}
