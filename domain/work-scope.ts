import type { Role } from "./codes";

/**
 * Whose records a signed-in user works on, from the session only (never from a URL or a form):
 * a district editor their own district, a department editor their department (across
 * districts, for the record kinds it owns), the campaign office and leaders the whole city.
 * Every page that narrows lists or writes to "my district" starts from here; the policy
 * (domain/policy.ts) still decides each action.
 */
export type WorkScope =
  | { kind: "district"; districtId: number }
  | { kind: "department"; departmentId: number }
  | { kind: "city" }
  /** An editor account without its district or department: sees nothing, may do nothing. */
  | { kind: "none" };

export interface ScopedUser {
  role: Role;
  districtId: number | null;
  departmentId: number | null;
}

export function workScopeOf(user: ScopedUser): WorkScope {
  switch (user.role) {
    case "district_editor":
      return user.districtId != null ? { kind: "district", districtId: user.districtId } : { kind: "none" };
    case "department_editor":
      return user.departmentId != null ? { kind: "department", departmentId: user.departmentId } : { kind: "none" };
    default:
      return { kind: "city" };
  }
}

/**
 * The one district a user is confined to (district editors), or null when they work across
 * districts. A district editor without a district is refused by the guards before any page gets
 * here; should one slip through, this throws rather than widen them to every district.
 */
export function confinedDistrictId(user: ScopedUser): number | null {
  const s = workScopeOf(user);
  if (s.kind === "district") return s.districtId;
  if (user.role === "district_editor") throw new Error("district editor without a district");
  return null;
}

/**
 * The department whose records a department editor is confined to (their indicators on the
 * figures form and template), or undefined for everyone else. An editor account without its
 * department gets -1, which matches no department: it sees nothing rather than everything.
 */
export function confinedDepartmentId(user: ScopedUser): number | undefined {
  const s = workScopeOf(user);
  if (s.kind === "department") return s.departmentId;
  return user.role === "department_editor" ? -1 : undefined;
}
