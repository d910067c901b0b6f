/**
 * Month picker as a plain GET form (works without JavaScript). Keeps the data switch and any
 * other parameters as hidden fields.
 */
import { monthLabel } from "@/domain/months";
import { Picker, PickerSelect } from "@/components/ui/picker";

export function MonthPicker({ path, months, month, include, hidden = {} }: { path: string; months: readonly string[]; month: string; include: boolean; hidden?: Record<string, string | undefined> }) {
  return (
    <Picker action={path} label="选择月份" hidden={{ include: include ? "unapproved" : undefined, ...hidden }}>
      <PickerSelect name="month" label="截至月份" value={month} options={months.map((m) => ({ value: m, label: monthLabel(m) }))} />
    </Picker>
  );
}
