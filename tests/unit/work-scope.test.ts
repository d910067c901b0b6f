import { describe, expect, it } from "vitest";
import { confinedDepartmentId, confinedDistrictId, workScopeOf } from "@/domain/work-scope";

describe("work scope from the session", () => {
  it.each([
    [{ role: "district_editor", districtId: 3, departmentId: null }, { kind: "district", districtId: 3 }, 3],
    [{ role: "district_editor", districtId: 3, departmentId: 9 }, { kind: "district", districtId: 3 }, 3],
    [{ role: "department_editor", districtId: null, departmentId: 9 }, { kind: "department", departmentId: 9 }, null],
    [{ role: "department_editor", districtId: 3, departmentId: null }, { kind: "none" }, null],
    [{ role: "city_admin", districtId: null, departmentId: null }, { kind: "city" }, null],
    [{ role: "city_leader", districtId: 3, departmentId: null }, { kind: "city" }, null],
  ] as const)("%o works on %o", (user, scope, confined) => {
    expect(workScopeOf(user)).toEqual(scope);
    expect(confinedDistrictId(user)).toBe(confined);
  });

  it("never widens a district editor without a district to every district", () => {
    const user = { role: "district_editor", districtId: null, departmentId: null } as const;
    expect(workScopeOf(user)).toEqual({ kind: "none" });
    expect(() => confinedDistrictId(user)).toThrow();
  });

  it.each([
    [{ role: "department_editor", districtId: null, departmentId: 9 }, 9],
    [{ role: "department_editor", districtId: 3, departmentId: null }, -1],
    [{ role: "district_editor", districtId: 3, departmentId: 9 }, undefined],
    [{ role: "city_admin", districtId: null, departmentId: 4 }, undefined],
  ] as const)("%o fills in the indicators of department %o only", (user, department) => {
    expect(confinedDepartmentId(user)).toBe(department);
  });
});
