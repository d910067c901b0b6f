import { Field } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/field";
import { Checkbox as CheckboxField } from "@/components/ui/field";

export interface SigningChoices {
  events: readonly SelectOption[];
  /** Only for callers who pick the district (department editors, city admins). */
  districts?: readonly SelectOption[];
  unitSymbol: string;
}

/** The signing's fields, shared by the new and edit forms. No hooks: the forms own the state. */
export function SigningFields({ choices, values: v, errors: e }: { choices: SigningChoices; values: Record<string, string | undefined>; errors: Record<string, string> }) {
  return (
    <>
      {choices.districts && <SelectField name="districtId" label="区县" options={choices.districts} placeholder="请选择区县" defaultValue={v.districtId} error={e.districtId} />}
      <Field name="name" label="项目名称" defaultValue={v.name} error={e.name} />
      <Field name="investor" label="投资方" hint="可不填" defaultValue={v.investor} error={e.investor} />
      <Field
        name="amount"
        label={`签约金额（${choices.unitSymbol}）`}
        inputMode="decimal"
        hint={`单位：${choices.unitSymbol}，例如 12.5；可带千分位逗号`}
        defaultValue={v.amount}
        error={e.amount}
      />
      <fieldset className="rounded-md border border-slate-200 px-3 pt-2">
        <legend className="px-1 text-sm font-medium text-slate-700">统计口径</legend>
        <CheckboxField name="isOverseas" label="侨港澳台（含在外乡贤）项目" defaultChecked={v.isOverseas === "1"} error={e.isOverseas} />
        <CheckboxField name="isCultureTourism" label="文旅经济项目" defaultChecked={v.isCultureTourism === "1"} error={e.isCultureTourism} />
      </fieldset>
      <SelectField name="eventId" label="签约活动" options={choices.events} placeholder="（不属于专项活动）" defaultValue={v.eventId} error={e.eventId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="signedOn" label="签约日期" type="date" hint="计入该日期所在月份的签约额" defaultValue={v.signedOn} error={e.signedOn} />
        <Field name="landedOn" label="落地日期" type="date" hint="尚未落地的不填" defaultValue={v.landedOn} error={e.landedOn} />
      </div>
      <CheckboxField name="isPublic" label="在公开页面显示" hint="涉及商业秘密的签约可不公开；不影响统计" defaultChecked={v.isPublic === "1"} error={e.isPublic} />
    </>
  );
}
