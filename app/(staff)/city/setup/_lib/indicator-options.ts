import "server-only";
import { ACCUMULATION_LABELS, AGGREGATION_LABELS, derivationFormValues, KIND_OPTIONS } from "@/domain/derivation-form";
import { listActionsForSetup } from "@/db/queries/setup/campaigns";
import { listDepartmentsForSetup, listUnits } from "@/db/queries/setup/reference";
import type { SetupIndicator } from "@/db/queries/setup/indicators";
import type { IndicatorFormProps } from "../campaigns/[campaignId]/indicators/indicator-form";

/** The choices of the indicator form: units, the campaign's actions, departments. Caller has checked campaign.manage. */
export async function indicatorFormOptions(campaignId: number, keepDepartmentId?: number | null): Promise<IndicatorFormProps["options"]> {
  const [units, actions, departments] = await Promise.all([listUnits(), listActionsForSetup(campaignId), listDepartmentsForSetup()]);
  return {
    units: units.map((u) => ({ value: u.code, label: `${u.symbol}（存为${u.baseSymbol}）` })),
    actions: actions.map((a) => ({ value: String(a.id), label: `${a.parentId ? "　└ " : ""}${a.name}` })),
    departments: departments.filter((d) => d.active || d.id === keepDepartmentId).map((d) => ({ value: String(d.id), label: d.active ? d.name : `${d.name}（已停用）` })),
    kinds: KIND_OPTIONS,
    aggregations: Object.entries(AGGREGATION_LABELS).map(([value, label]) => ({ value, label })),
    accumulations: Object.entries(ACCUMULATION_LABELS).map(([value, label]) => ({ value, label })),
  };
}

/** A stored indicator as the form's text values. */
export function indicatorDefaults(i: SetupIndicator): Record<string, string> {
  const d = derivationFormValues(i.derivation);
  const params = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
  return {
    ...params,
    code: i.code, name: i.name, nameEn: i.nameEn, description: i.description, actionId: String(i.actionId), ownerDepartmentId: i.ownerDepartmentId ? String(i.ownerDepartmentId) : "",
    kind: i.kind, aggregation: i.aggregation, accumulation: i.accumulation, unitCode: i.unitCode, partUnitCode: i.partUnitCode ?? "",
    numeratorLabel: i.numeratorLabel ?? "", denominatorLabel: i.denominatorLabel ?? "", decimals: String(i.decimals), isPublic: i.isPublic ? "1" : "", isHeadline: i.isHeadline ? "1" : "",
  };
}
