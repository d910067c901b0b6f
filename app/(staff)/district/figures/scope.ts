import "server-only";
import type { SessionUser } from "@/app/_lib/guards";
import { listReportingDistricts } from "@/db/queries/figures";
import { workScopeOf } from "@/domain/work-scope";

export interface DistrictRef {
  id: number;
  code: string;
  name: string;
}

/**
 * Which district a figures page or save is about. A district editor always gets their own
 * district, whatever the URL or form says; other roles name one (and the policy decides).
 */
export async function resolveDistrict(user: SessionUser, requestedCode: string | null | undefined): Promise<DistrictRef | null> {
  const all = await listReportingDistricts();
  const scope = workScopeOf(user);
  if (scope.kind === "district") return all.find((d) => d.id === scope.districtId) ?? null;
  if (scope.kind === "none") return null;
  return all.find((d) => d.code === requestedCode) ?? null;
}
