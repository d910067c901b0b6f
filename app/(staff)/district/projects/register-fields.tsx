import { Checkbox, Field, SelectField, TextArea, type SelectOption } from "@/components/ui/field";

export interface RegisterChoices {
  sectors: readonly SelectOption[];
  actions: readonly SelectOption[];
}

/**
 * The register fields shared by the create and edit forms (no hooks: the forms own the state).
 * Money is typed in 亿元 as people write it; the action stores 万元.
 */
export function RegisterFields({ choices, values, errors }: { choices: RegisterChoices; values: Record<string, string | undefined>; errors: Record<string, string> }) {
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <Field name="code" label="项目代码" autoComplete="off" hint="本年度项目库内唯一，例如 JJ-2023-001" defaultValue={values.code} error={errors.code} />
      <Field name="name" label="项目名称" autoComplete="off" hint="与立项或备案文件一致" defaultValue={values.name} error={errors.name} />
      <SelectField name="sectorId" label="行业" options={choices.sectors} placeholder="请选择行业" defaultValue={values.sectorId} error={errors.sectorId} />
      <SelectField name="actionId" label="所属专项行动" options={choices.actions} placeholder="（未指定）" defaultValue={values.actionId} error={errors.actionId} />
      <Field name="owner" label="业主单位" autoComplete="off" defaultValue={values.owner} error={errors.owner} />
      <div className="hidden sm:block" />
      <Field name="totalInvestment" label="总投资（亿元）" inputMode="decimal" autoComplete="off" defaultValue={values.totalInvestment} error={errors.totalInvestment} />
      <Field name="annualPlannedInvestment" label="年度计划投资（亿元）" inputMode="decimal" autoComplete="off" defaultValue={values.annualPlannedInvestment} error={errors.annualPlannedInvestment} />
      <Field name="plannedStartOn" label="计划开工日期" type="date" defaultValue={values.plannedStartOn} error={errors.plannedStartOn} />
      <Field name="plannedCompletionOn" label="计划建成日期" type="date" defaultValue={values.plannedCompletionOn} error={errors.plannedCompletionOn} />
      <Checkbox name="isKey" label="市重点项目" hint="计入市重点项目的新开工、建成和完成投资" defaultChecked={values.isKey === "1"} error={errors.isKey} />
      <Checkbox name="isPublic" label="在公开页面展示" hint="取消勾选则仅工作人员可见" defaultChecked={values.isPublic === "1"} error={errors.isPublic} />
      <Field name="longitude" label="项目位置：经度" inputMode="decimal" autoComplete="off" hint="十进制度数（WGS 84），例如 118.5876；不知道可以不填" defaultValue={values.longitude} error={errors.longitude} />
      <Field name="latitude" label="项目位置：纬度" inputMode="decimal" autoComplete="off" hint="例如 24.9087；经度和纬度要么都填，要么都不填" defaultValue={values.latitude} error={errors.latitude} />
      <TextArea name="description" label="项目简介" defaultValue={values.description} error={errors.description} className="sm:col-span-2" />
    </div>
  );
}

/** Sector and action options as the selects show them ("抓城建提品质 · 宜居宜业" for a sub-action). */
export function registerChoices(c: { sectors: { id: number; name: string }[]; actions: { id: number; name: string; parentName: string | null }[] }): RegisterChoices {
  return {
    sectors: c.sectors.map((s) => ({ value: String(s.id), label: s.name })),
    actions: c.actions.map((a) => ({ value: String(a.id), label: a.parentName ? `${a.parentName} · ${a.name}` : a.name })),
  };
}
