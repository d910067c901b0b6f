import type { ReactNode } from "react";
import { monthLabel } from "@/domain/months";
import type { PeriodRow } from "@/db/queries/reporting";
import { Picker, PickerSelect } from "@/components/ui/picker";

/** Month and figures-mode picker: a plain GET form, so it works without JavaScript. */
export function ScopeForm({ action, month, include, periods, extra, children }: { action: string; month: string; include: boolean; periods: PeriodRow[]; extra?: Record<string, string>; children?: ReactNode }) {
  return (
    <Picker action={action} label="选择月份和口径" noPrint framed hiddenFirst hidden={extra}>
      <PickerSelect id="scope-month" name="month" label="月份" value={month} options={periods.map((p) => ({ value: p.month, label: monthLabel(p.month) }))} />
      <PickerSelect id="scope-include" name="include" label="数据口径" value={include ? "unapproved" : ""} blank="仅已审核（正式）" options={[{ value: "unapproved", label: "含未审核" }]} />
      {children}
    </Picker>
  );
}
