import "server-only";
import type { SessionUser } from "@/app/_lib/guards";
import type { OrderScope } from "@/db/queries/orders";

/** The orders an editor answers: their district's or their department's (from the session, never the URL). */
export function editorOrderScope(user: SessionUser): OrderScope | null {
  if (user.role === "district_editor" && user.districtId != null) return { kind: "district", districtId: user.districtId };
  if (user.role === "department_editor" && user.departmentId != null) return { kind: "department", departmentId: user.departmentId };
  return null;
}
