import "server-only";
import type { SessionUser } from "@/app/_lib/guards";
import { listReportingDistricts } from "@/db/queries/figures";

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
  if (user.role === "district_editor") return all.find((d) => d.id === user.districtId) ?? null;
  return all.find((d) => d.code === requestedCode) ?? null;
}
