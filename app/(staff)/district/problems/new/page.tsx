import type { Metadata } from "next";
import { z } from "zod";
import { requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { listProjectChoices } from "@/db/queries/problems";
import { getDistrictName, listReportingDistricts } from "@/db/queries/records";
import { requireRecordAccess } from "../../_lib/access";
import { ESCALATION_LABELS, optionsOf, PROBLEM_TYPE_LABELS } from "@/domain/record-labels";
import { firstParam, idParam, type SearchParams } from "../../_lib/list-params";
import { BackLink } from "@/components/ui/pager";
import { NewProblemForm } from "./new-problem-form";
import { Picker, PickerSelect } from "@/components/ui/picker";

export const metadata: Metadata = { title: "登记难题" };

export default async function NewProblemPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ next: "/district/problems/new" });
  const access = await requireRecordAccess(user, "problems", "/district/problems/new");
  const picked = z.object({ district: idParam }).parse({ district: firstParam(await searchParams, "district") }).district;
  // A district editor works on their own district; others pick one first (the project list depends on it).
  const districts = access.districtId === null ? await listReportingDistricts() : [];
  const districtId = access.districtId ?? (districts.some((d) => d.id === picked) ? picked : undefined);
  const districtName = districtId !== undefined ? await getDistrictName(districtId) : null;
  const projects = districtId !== undefined ? await listProjectChoices(access.campaignId, districtId) : [];

  return (
    <div className="max-w-2xl space-y-4">
      <BackLink href="/district/problems">难题清单</BackLink>
      <h1 className="text-2xl font-bold">登记难题{districtName && <span className="ml-2 text-base font-normal text-slate-500">{districtName}</span>}</h1>
      {access.districtId === null && (
        <Picker action="/district/problems/new" label="选择区县" framed submitLabel="列出该区县的项目">
          <PickerSelect name="district" label="区县" value={districtId?.toString() ?? ""} blank="请选择区县" options={districts.map((d) => ({ value: String(d.id), label: d.name }))} />
        </Picker>
      )}
      {districtId !== undefined && (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          {projects.length === 0 ? (
            <p className="text-sm text-slate-600">该区县还没有登记项目，请先在项目库中登记项目。</p>
          ) : (
            <NewProblemForm
              today={todayInShanghai()}
              choices={{
                projects: projects.map((p) => ({ value: String(p.id), label: p.name })),
                types: optionsOf(PROBLEM_TYPE_LABELS, access.problemTypes),
                levels: optionsOf(ESCALATION_LABELS),
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
