import { ROLE_LABELS } from "@/domain/labels";
import { ROLES } from "@/domain/codes";
import { SelectField, type SelectOption } from "@/components/ui/field";

export interface ScopeChoices {
  districts: readonly SelectOption[];
  departments: readonly SelectOption[];
}

const roleOptions: SelectOption[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * Role plus the scope that goes with it. Both scope selects are always in the form, so it works
 * without JavaScript; CSS (:has) hides the one the chosen role does not use. The enclosing form
 * must carry the `group` class. The selectors match role values by prefix (`^=district`)
 * because Tailwind reads `_` in an arbitrary value as a space.
 */
export function RoleAndScopeFields(props: {
  choices: ScopeChoices;
  values: { role?: string; districtId?: string; departmentId?: string };
  errors: Record<string, string>;
}) {
  return (
    <>
      <SelectField name="role" label="角色" options={roleOptions} placeholder={props.values.role ? undefined : "请选择角色"} defaultValue={props.values.role} error={props.errors.role} />
      <SelectField
        name="districtId"
        label="所属区县"
        hint="仅区县填报员需要选择"
        options={props.choices.districts}
        placeholder="（无）"
        defaultValue={props.values.districtId}
        error={props.errors.districtId}
        className="group-has-[select[name=role]_option[value^=district]:not(:checked)]:hidden"
      />
      <SelectField
        name="departmentId"
        label="所属部门"
        hint="仅市直部门填报员需要选择"
        options={props.choices.departments}
        placeholder="（无）"
        defaultValue={props.values.departmentId}
        error={props.errors.departmentId}
        className="group-has-[select[name=role]_option[value^=department]:not(:checked)]:hidden"
      />
    </>
  );
}
